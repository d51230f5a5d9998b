package org.crmsuite.notification.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.crmsuite.notification.customers.ContactBook;
import org.crmsuite.notification.inbox.Inbox;
import org.crmsuite.notification.inbox.InboxItem;
import org.crmsuite.notification.partners.Subscriptions;
import org.crmsuite.notification.rules.Rules;
import org.crmsuite.notification.templates.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Local-profile demo data (fixed ids, written once): the default rules and templates, a partner subscription of
 * {@code partner-demo} pointing at a local sink, customer contacts of the demo customers (customer-service DemoCustomers)
 * and a few inbox items for the demo staff of identity's directory.
 */
@Component
@Profile("local")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Rules rules;
    private final Templates templates;
    private final Subscriptions subscriptions;
    private final Inbox inbox;
    private final ContactBook contacts;
    private final Clock clock;
    private final String sinkUrl;
    private final String sinkSecret;

    DemoData(Rules rules, Templates templates, Subscriptions subscriptions, Inbox inbox, ContactBook contacts, Clock clock,
            @Value("${crm.notification.demo.partner-sink-url:http://127.0.0.1:8099/hooks}") String sinkUrl,
            @Value("${crm.notification.demo.partner-secret}") String sinkSecret) {
        this.rules = rules;
        this.templates = templates;
        this.subscriptions = subscriptions;
        this.inbox = inbox;
        this.contacts = contacts;
        this.clock = clock;
        this.sinkUrl = sinkUrl;
        this.sinkSecret = sinkSecret;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void seed() {
        rules.seedDefaults();
        templates.seedDefaults();
        subscriptions.seed("sub-demo-partner", "partner-demo", List.of("crm.complaint.work-order-issued.v1",
                "crm.complaint.work-order-completed.v1", "crm.complaint.received.v1", "crm.complaint.resolved.v1"), sinkUrl,
                "partner-demo@partner.local", sinkSecret);
        Instant now = clock.instant();
        contacts.save(new ContactBook.Contact("demo-cust-huaxin", "华信钢铁 Huaxin Steel", "王芳 Wang Fang", "13800000001",
                "wang.fang@huaxin.example", now));
        item("demo-inbox-1", "demo-sales-1", "crm.visit.plan-due.v1", "拜访即将到期 华信钢铁 Huaxin Steel",
                "客户 华信钢铁 Huaxin Steel 的拜访计划 plan-42 需在 2026-11-30 前完成。", false, now.minus(Duration.ofHours(3)));
        item("demo-inbox-2", "demo-sales-1", "crm.customer.owner-changed.v1", "客户移交 demo-cust-huaxin",
                "客户 demo-cust-huaxin 已移交给您（原因：DEPARTURE），请安排回访。", false, now.minus(Duration.ofHours(1)));
        item("demo-inbox-3", "demo-agent-1", "crm.complaint.assigned.v1", "新投诉分配 2026-C-000042",
                "投诉 2026-C-000042（L1）已分配给您，请在 2026-11-30 前解决。", false, now.minus(Duration.ofMinutes(30)));
        item("demo-inbox-4", "demo-agent-1", "crm.complaint.sla-warning.v1", "时限预警 2026-C-000042",
                "投诉 2026-C-000042 的RESOLVE时限已过 75%，截止 2026-11-30。", false, now.minus(Duration.ofMinutes(10)));
        item("demo-inbox-5", "demo-manager-service", "crm.complaint.sla-breached.v1", "时限超期 2026-C-000041",
                "投诉 2026-C-000041 的ACKNOWLEDGE时限已超期。", true, now.minus(Duration.ofMinutes(5)));
        log.info("notification demo data ready: rules, templates, subscription sub-demo-partner → {}", sinkUrl);
    }

    private void item(String id, String staffId, String type, String title, String body, boolean urgent, Instant at) {
        inbox.put(new InboxItem(id, staffId, type, null, title, body, urgent, at, null));
    }
}
