package org.crmsuite.notification.rules;

import static org.crmsuite.notification.delivery.Channel.EMAIL;
import static org.crmsuite.notification.delivery.Channel.INBOX;
import static org.crmsuite.notification.delivery.Channel.SMS;
import static org.crmsuite.notification.rules.Audience.ASSIGNEE;
import static org.crmsuite.notification.rules.Audience.CUSTOMER_CONTACT;
import static org.crmsuite.notification.rules.Audience.DEPARTMENT_DIRECTOR;
import static org.crmsuite.notification.rules.Audience.DEPARTMENT_MANAGER;
import static org.crmsuite.notification.rules.Audience.DISPATCHER;
import static org.crmsuite.notification.rules.Audience.HANDLER;
import static org.crmsuite.notification.rules.Audience.NEXT_TIER;
import static org.crmsuite.notification.rules.Audience.OWNER;
import static org.crmsuite.notification.rules.Audience.REP;

import java.util.List;
import java.util.Map;

import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.events.NotifiableEvents;

/** The rules seeded into an empty rule collection (docs/notifications.md, "Default rules"); ADMIN edits them later. */
public final class DefaultRules {

    private DefaultRules() {
    }

    public static List<Rule> all() {
        return List.of(
                // NO-1 customers
                rule("complaint-received-customer", "crm.complaint.received.v1", CUSTOMER_CONTACT, List.of(SMS, EMAIL), false,
                        "CO-3 acknowledgement of receipt to the customer"),
                rule("complaint-acknowledged-customer", "crm.complaint.acknowledged.v1", CUSTOMER_CONTACT, List.of(SMS), false,
                        "CO-6 progress: the case was accepted and is being handled"),
                rule("complaint-resolved-customer", "crm.complaint.resolved.v1", CUSTOMER_CONTACT, List.of(SMS, EMAIL), false,
                        "CO-7 resolution with a satisfaction request"),
                rule("visit-scheduled-customer", "crm.visit.plan-scheduled.v1", CUSTOMER_CONTACT, List.of(SMS, EMAIL), false,
                        "visit appointment"),
                rule("visit-rescheduled-customer", "crm.visit.plan-rescheduled.v1", CUSTOMER_CONTACT, List.of(SMS, EMAIL), false,
                        "visit appointment moved"),
                rule("visit-cancelled-customer", "crm.visit.plan-cancelled.v1", CUSTOMER_CONTACT, List.of(SMS, EMAIL), false,
                        "visit appointment called off"),
                new Rule("survey-sent-email", "crm.visit.survey-sent.v1", CUSTOMER_CONTACT, List.of(EMAIL),
                        Map.of("channel", List.of("EMAIL")), false, false, "VI-5 satisfaction survey by e-mail"),
                new Rule("survey-sent-sms", "crm.visit.survey-sent.v1", CUSTOMER_CONTACT, List.of(SMS),
                        Map.of("channel", List.of("SMS")), false, false, "VI-5 satisfaction survey by SMS"),
                care("care-birthday-customer", NotifiableEvents.CARE_BIRTHDAY, CUSTOMER_CONTACT, List.of(SMS),
                        "birthday greeting to a key contact"),
                care("care-birthday-owner", NotifiableEvents.CARE_BIRTHDAY, OWNER, List.of(INBOX),
                        "birthday of a key contact: a reminder to the owner"),
                care("care-holiday-customer", NotifiableEvents.CARE_HOLIDAY, CUSTOMER_CONTACT, List.of(SMS),
                        "public holiday greeting"),
                // NO-2 staff
                rule("complaint-assigned-handler", "crm.complaint.assigned.v1", HANDLER, List.of(INBOX, EMAIL), false,
                        "new complaint assignment"),
                rule("complaint-escalated-next-tier", "crm.complaint.escalated.v1", NEXT_TIER, List.of(INBOX, EMAIL), false,
                        "escalation to the next tier (urgent when it reaches L3)"),
                rule("complaint-major-director", "crm.complaint.major-reported.v1", DEPARTMENT_DIRECTOR, List.of(INBOX, EMAIL, SMS),
                        false, "CO-4: management is told at once of every L3 case"),
                rule("complaint-sla-warning-handler", "crm.complaint.sla-warning.v1", HANDLER, List.of(INBOX, EMAIL), false,
                        "SLA warning at 75% of the allowed time"),
                rule("complaint-sla-breached-handler", "crm.complaint.sla-breached.v1", HANDLER, List.of(INBOX, EMAIL, SMS), false,
                        "SLA breach (urgent)"),
                rule("complaint-sla-breached-manager", "crm.complaint.sla-breached.v1", DEPARTMENT_MANAGER, List.of(INBOX, EMAIL),
                        false, "SLA breach to the department's manager (urgent)"),
                rule("complaint-progress-overdue-handler", "crm.complaint.progress-overdue.v1", HANDLER, List.of(INBOX, EMAIL),
                        true, "CO-6 customer contact overdue"),
                rule("work-order-issued-assignee", "crm.complaint.work-order-issued.v1", ASSIGNEE, List.of(INBOX, SMS, EMAIL),
                        false, "new work order"),
                rule("work-order-overdue-assignee", "crm.complaint.work-order-overdue.v1", ASSIGNEE, List.of(INBOX, EMAIL), false,
                        "work order reply overdue"),
                rule("work-order-overdue-dispatcher", "crm.complaint.work-order-overdue.v1", DISPATCHER, List.of(INBOX, EMAIL),
                        false, "work order reply overdue"),
                rule("work-order-completed-dispatcher", "crm.complaint.work-order-completed.v1", DISPATCHER,
                        List.of(INBOX, EMAIL), true, "work order completed"),
                new Rule("visit-scheduled-owner", "crm.visit.plan-scheduled.v1", OWNER, List.of(INBOX, EMAIL),
                        Map.of("kind", List.of("CADENCE", "REVISIT", "OWNER_CHANGE")), true, false,
                        "a triggered visit was planned for the owner"),
                rule("visit-due-owner", "crm.visit.plan-due.v1", OWNER, List.of(INBOX, EMAIL), true, "visit due soon"),
                rule("visit-overdue-owner", "crm.visit.plan-overdue.v1", OWNER, List.of(INBOX, EMAIL), false,
                        "VI-7 visit overdue"),
                rule("visit-overdue-manager", "crm.visit.plan-overdue.v1", DEPARTMENT_MANAGER, List.of(INBOX, EMAIL), false,
                        "VI-7 visit overdue: the department's manager"),
                rule("reception-assigned-rep", "crm.reception.assigned.v1", REP, List.of(INBOX, SMS), false,
                        "walk-in visitor assigned to the rep"),
                rule("reception-reassigned-rep", "crm.reception.customer-reassigned.v1", REP, List.of(INBOX, EMAIL), false,
                        "SA-7/SA-8 a registered customer handed to the new rep (return visit owed)"),
                rule("referral-lapsed-referrer", "crm.reception.referral-lapsed.v1", Audience.REFERRER, List.of(INBOX), true,
                        "SA-6 the referred customer did not come"),
                rule("customer-owner-changed-owner", "crm.customer.owner-changed.v1", OWNER, List.of(INBOX, EMAIL), true,
                        "a customer was handed to the new owner"),
                rule("customer-suspended-manager", "crm.customer.suspended.v1", DEPARTMENT_MANAGER, List.of(INBOX), false,
                        "CU-8 customer suspended: documents expired"));
    }

    private static Rule rule(String id, String type, Audience audience, List<Channel> channels, boolean digest,
            String description) {
        return new Rule(id, type, audience, channels, null, digest, false, description);
    }

    private static Rule care(String id, String type, Audience audience, List<Channel> channels, String description) {
        return new Rule(id, type, audience, channels, null, false, true, description);
    }
}
