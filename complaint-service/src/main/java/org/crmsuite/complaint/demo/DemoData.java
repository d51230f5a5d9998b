package org.crmsuite.complaint.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.crmsuite.complaint.cases.Cases;
import org.crmsuite.complaint.cases.Category;
import org.crmsuite.complaint.cases.Channel;
import org.crmsuite.complaint.cases.Complaint;
import org.crmsuite.complaint.cases.ComplaintState;
import org.crmsuite.complaint.cases.CustomerVerification;
import org.crmsuite.complaint.cases.DeadlineSchedule;
import org.crmsuite.complaint.cases.Level;
import org.crmsuite.complaint.workorder.WorkOrders;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data of the one-command local run: open complaints at every level and in several states, and a work order.
 * Idempotent — each demo complaint is filed with a fixed idempotency key, so a restart or a second instance finds the
 * first one instead of filing again. Staff and department ids are the identity module's demo directory
 * (docs/identity.md), customer ids customer-service's demo customers ({@code demo-customer-21} VIP, {@code -22}
 * preferred, {@code -25} qualified of dept-customer-service; {@code -13} blacklisted by east sales); they are filed
 * "customer unverified" and the verification job fills in name and grade once customer-service answers.
 */
@Component
@Profile("local")
@Order(10)
class DemoData implements ApplicationRunner {

    static final String DEPARTMENT = "dept-customer-service";
    static final String AGENT = "demo-agent-1";
    static final String MANAGER = "demo-manager-service";
    static final String DISPATCHER = "demo-dispatcher";
    static final String SECOND_AGENT = "demo-agent-2";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record DemoComplaint(String key, Level level, Channel channel, Category category, String customerId,
            String contactName, String content, List<ComplaintState> path, String by) {
    }

    private static final List<DemoComplaint> COMPLAINTS = List.of(
            new DemoComplaint("demo-complaint-1", Level.L1, Channel.PHONE, Category.DELIVERY, "demo-customer-21",
                    "Ms. Chen", "第二批货物晚到三天，影响工地进度。 The second delivery arrived three days late.", List.of(), AGENT),
            new DemoComplaint("demo-complaint-2", Level.L1, Channel.EMAIL, Category.ORDER_MISMATCH, "demo-customer-25",
                    "Mr. Li", "Invoice lists 40 t, delivery note 38 t.",
                    List.of(ComplaintState.ACKNOWLEDGED, ComplaintState.ACCEPTED), AGENT),
            new DemoComplaint("demo-complaint-3", Level.L2, Channel.IN_PERSON, Category.SERVICE_ATTITUDE, "demo-customer-22",
                    "Mr. Wang", "Second complaint about the same driver's conduct on site.",
                    List.of(ComplaintState.ACKNOWLEDGED, ComplaintState.ACCEPTED, ComplaintState.INVESTIGATING), MANAGER),
            new DemoComplaint("demo-complaint-4", Level.L3, Channel.SOCIAL_MEDIA, Category.PRODUCT_QUALITY, null,
                    "12315 hotline referral", "Batch quality complaint from several consumers, reported via 12315 and media.",
                    List.of(), AGENT),
            new DemoComplaint("demo-complaint-5", Level.L1, Channel.WEB_FORM, Category.POLICY, null, "Franchisee Zhao",
                    "Asks why the return policy differs between two stores.",
                    List.of(ComplaintState.ACKNOWLEDGED), AGENT),
            // CU-7: a customer blacklisted by east sales still has its complaint accepted and handled
            new DemoComplaint("demo-complaint-6", Level.L1, Channel.LETTER, Category.PRODUCT_QUALITY, "demo-customer-13",
                    "采购经理", "Rust on the last delivery of steel pipes.", List.of(), AGENT));

    private final Cases cases;
    private final WorkOrders workOrders;

    DemoData(Cases cases, WorkOrders workOrders) {
        this.cases = cases;
        this.workOrders = workOrders;
    }

    @Override
    public void run(ApplicationArguments args) {
        int filed = 0;
        Complaint third = null;
        Instant now = cases.now();
        for (DemoComplaint demo : COMPLAINTS) {
            String key = "demo:" + demo.key();
            if (cases.byIdempotencyKey(key) != null) {
                continue;
            }
            Complaint.Intake intake = new Complaint.Intake(now.minus(Duration.ofHours(2L * (filed + 1))), demo.channel(),
                    demo.category(), demo.content(), demo.level(), demo.customerId(),
                    new Complaint.Contact(demo.contactName(), null, null, demo.customerId() == null ? "CONSUMER" : "CUSTOMER"),
                    List.of(), List.of(), List.of(), List.of(), DEPARTMENT, demo.by(), false, null, key);
            Complaint complaint = cases.receive(intake,
                    demo.customerId() == null ? CustomerVerification.NOT_APPLICABLE : CustomerVerification.UNVERIFIED, null);
            DeadlineSchedule schedule = cases.schedule();
            for (ComplaintState step : demo.path()) {
                cases.update(complaint.getId(), c -> {
                    c.transition(step, demo.by(), "demo", null, false, null, null, schedule, cases.now());
                    return true;
                });
            }
            if (demo.key().equals("demo-complaint-3")) {
                third = cases.get(complaint.getId());
            }
            filed++;
        }
        if (third != null) {
            Caller dispatcher = new Caller(DISPATCHER, java.util.Set.of(Role.DISPATCHER), DEPARTMENT);
            workOrders.issue(dispatcher, SECOND_AGENT, "Site B, 88 Jiangning Road", "Check the delivered batch with the customer",
                    "Photos of the labels; the customer's site manager present",
                    cases.schedule().calendar().addBusinessDays(now, 2, org.crmsuite.platform.calendar.DayEnd.END_OF_DAY),
                    third.getId());
        }
        if (filed > 0) {
            log.info("wrote {} demo complaints{}", filed, third != null ? " and a work order" : "");
        }
    }
}
