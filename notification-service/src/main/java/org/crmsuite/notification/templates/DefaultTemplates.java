package org.crmsuite.notification.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.events.NotifiableEvents;
import org.crmsuite.notification.rules.DefaultRules;
import org.crmsuite.notification.rules.Rule;

/**
 * The templates seeded for every event type × channel the default rules use, plus the digest and the partner pause
 * notice, in zh-CN and en (NO-5). Each event type has a title and one line per language; the channel decides the frame.
 */
public final class DefaultTemplates {

    /** event type → zh title, zh line, en title, en line */
    private static final Map<String, String[]> TEXTS = new LinkedHashMap<>();

    static {
        put("crm.complaint.received.v1", "投诉已受理 {{complaintId}}",
                "您的投诉（编号 {{complaintId}}）已收到，我们将在 {{acknowledgeDueAt}} 前与您联系。",
                "Complaint {{complaintId}} received",
                "We received your complaint ({{complaintId}}) and will contact you by {{acknowledgeDueAt}}.");
        put("crm.complaint.acknowledged.v1", "投诉处理中 {{complaintId}}",
                "您的投诉（编号 {{complaintId}}）已由专人受理，正在处理中。",
                "Complaint {{complaintId}} in progress",
                "Your complaint ({{complaintId}}) has been accepted and is being handled.");
        put("crm.complaint.resolved.v1", "投诉已解决 {{complaintId}}",
                "您的投诉（编号 {{complaintId}}）已处理完毕。请回复 1-5 评价我们的服务（1 为非常满意）。",
                "Complaint {{complaintId}} resolved",
                "Your complaint ({{complaintId}}) has been resolved. Please rate our service from 1 (very satisfied) to 5.");
        put("crm.complaint.closed.v1", "投诉已关闭 {{complaintId}}", "投诉 {{complaintId}} 已关闭。",
                "Complaint {{complaintId}} closed", "Complaint {{complaintId}} was closed.");
        put("crm.complaint.assigned.v1", "新投诉分配 {{complaintId}}",
                "投诉 {{complaintId}}（{{level}}）已分配给您，请在 {{resolveDueAt}} 前解决。",
                "New complaint {{complaintId}}",
                "Complaint {{complaintId}} ({{level}}) was assigned to you; resolve it by {{resolveDueAt}}.");
        put("crm.complaint.escalated.v1", "投诉升级 {{complaintId}} → {{toLevel}}",
                "投诉 {{complaintId}} 已从 {{fromLevel}} 升级到 {{toLevel}}（原因：{{reason}}），请在 {{resolveDueAt}} 前处理。",
                "Complaint {{complaintId}} escalated to {{toLevel}}",
                "Complaint {{complaintId}} was escalated from {{fromLevel}} to {{toLevel}} ({{reason}}); resolve it by {{resolveDueAt}}.");
        put("crm.complaint.major-reported.v1", "重大投诉 {{complaintId}}",
                "重大投诉 {{complaintId}}（{{customerName}}，{{category}}）：{{summary}}",
                "Major complaint {{complaintId}}",
                "Major complaint {{complaintId}} ({{customerName}}, {{category}}): {{summary}}");
        put("crm.complaint.sla-warning.v1", "时限预警 {{complaintId}}",
                "投诉 {{complaintId}} 的{{deadline}}时限已过 {{percentElapsed}}%，截止 {{dueAt}}。",
                "Deadline warning {{complaintId}}",
                "Complaint {{complaintId}}: {{percentElapsed}}% of the {{deadline}} time has passed; due {{dueAt}}.");
        put("crm.complaint.sla-breached.v1", "时限超期 {{complaintId}}",
                "投诉 {{complaintId}} 的{{deadline}}时限已于 {{dueAt}} 超期。",
                "Deadline breached {{complaintId}}",
                "Complaint {{complaintId}} missed its {{deadline}} deadline ({{dueAt}}).");
        put("crm.complaint.progress-overdue.v1", "请联系客户 {{complaintId}}",
                "投诉 {{complaintId}} 自 {{lastContactAt}} 起未联系客户，请在 {{contactDueAt}} 前联系。",
                "Customer contact overdue {{complaintId}}",
                "No customer contact on complaint {{complaintId}} since {{lastContactAt}}; contact them (due {{contactDueAt}}).");
        put("crm.complaint.work-order-issued.v1", "新工单 {{workOrderId}}",
                "工单 {{workOrderId}}：{{task}}，地点 {{location}}，请在 {{replyBy}} 前回复。",
                "New work order {{workOrderId}}",
                "Work order {{workOrderId}}: {{task}} at {{location}}; reply by {{replyBy}}.");
        put("crm.complaint.work-order-overdue.v1", "工单超期 {{workOrderId}}",
                "工单 {{workOrderId}} 未在 {{replyBy}} 前回复。",
                "Work order overdue {{workOrderId}}",
                "Work order {{workOrderId}} was not answered by {{replyBy}}.");
        put("crm.complaint.work-order-completed.v1", "工单完成 {{workOrderId}}",
                "工单 {{workOrderId}} 已完成：{{result}}。",
                "Work order completed {{workOrderId}}",
                "Work order {{workOrderId}} completed: {{result}}.");
        put("crm.visit.plan-scheduled.v1", "拜访预约 {{customerName}}",
                "我们将于 {{plannedAt}} 在 {{place}} 拜访贵司（{{purpose}}）。",
                "Visit planned: {{customerName}}",
                "We will visit you on {{plannedAt}} at {{place}} ({{purpose}}).");
        put("crm.visit.plan-rescheduled.v1", "拜访改期 {{customerName}}",
                "原定 {{previousPlannedAt}} 的拜访改为 {{plannedAt}}，地点 {{place}}。",
                "Visit moved: {{customerName}}",
                "The visit planned for {{previousPlannedAt}} moved to {{plannedAt}} at {{place}}.");
        put("crm.visit.plan-cancelled.v1", "拜访取消",
                "原定 {{plannedAt}} 的拜访已取消。{{note}}",
                "Visit cancelled",
                "The visit planned for {{plannedAt}} is cancelled. {{note}}");
        put("crm.visit.survey-sent.v1", "满意度调查 {{templateName}}",
                "请对以下问题按 1-5 打分（5 为非常满意）：\n{{#questions}}{{id}}. {{text}}\n{{/questions}}",
                "Satisfaction survey: {{templateName}}",
                "Please rate each question from 1 to 5 (5 = very satisfied):\n{{#questions}}{{id}}. {{text}}\n{{/questions}}");
        put("crm.reception.customer-reassigned.v1", "客户转交 {{customerName}}",
                "登记客户 {{customerName}}（{{contactPhone}}）已转交给您（{{reason}}），请在 {{returnVisitDueBy}} 前回访。",
                "Customer handed to you: {{customerName}}",
                "Registered customer {{customerName}} ({{contactPhone}}) is now yours ({{reason}}); call back by {{returnVisitDueBy}}.");
        put("crm.reception.referral-lapsed.v1", "推荐客户未到访 {{customerName}}",
                "您推荐的客户 {{customerName}} 未在 {{appointmentDate}} 到访。",
                "Referral did not come: {{customerName}}",
                "The customer you referred, {{customerName}}, did not come on {{appointmentDate}}.");
        put("crm.visit.plan-due.v1", "拜访即将到期 {{customerName}}",
                "客户 {{customerName}} 的拜访计划 {{planId}} 需在 {{dueBy}} 前完成。",
                "Visit due: {{customerName}}",
                "Visit plan {{planId}} for {{customerName}} is due by {{dueBy}}.");
        put("crm.visit.plan-overdue.v1", "拜访已超期 {{customerName}}",
                "客户 {{customerName}} 的拜访计划 {{planId}} 已超期 {{daysOverdue}} 天（应于 {{dueBy}} 完成）。",
                "Visit overdue: {{customerName}}",
                "Visit plan {{planId}} for {{customerName}} is {{daysOverdue}} days overdue (due {{dueBy}}).");
        put("crm.reception.assigned.v1", "接待访客 {{visitorName}}",
                "访客 {{visitorName}} 已分配给您接待（{{rule}}）。",
                "Walk-in visitor {{visitorName}}",
                "Walk-in visitor {{visitorName}} was assigned to you ({{rule}}).");
        put("crm.customer.owner-changed.v1", "客户移交 {{customerId}}",
                "客户 {{customerId}} 已移交给您（原因：{{reason}}），请安排回访。",
                "Customer handed over {{customerId}}",
                "Customer {{customerId}} was handed over to you ({{reason}}); plan a return visit.");
        put("crm.customer.suspended.v1", "客户已暂停 {{customerId}}",
                "客户 {{customerId}} 因资质文件过期（{{documentTypes}}）已暂停。",
                "Customer suspended {{customerId}}",
                "Customer {{customerId}} was suspended: documents expired ({{documentTypes}}).");
        put("crm.customer.grade-changed.v1", "客户等级变更 {{customerId}}",
                "客户 {{customerId}} 的等级由 {{from}} 变为 {{to}}。",
                "Customer grade changed {{customerId}}",
                "Customer {{customerId}} changed grade from {{from}} to {{to}}.");
        put(NotifiableEvents.CARE_BIRTHDAY, "生日祝福 {{contactName}}",
                "祝您生日快乐！感谢您对我们的支持。",
                "Birthday: {{contactName}}",
                "Happy birthday! Thank you for working with us.");
        put(NotifiableEvents.CARE_HOLIDAY, "节日祝福 {{holiday}}",
                "{{holiday}}快乐！祝您节日愉快。",
                "Season's greetings: {{holiday}}",
                "Warm wishes for {{holiday}}!");
        put(NotifiableEvents.DIGEST, "每日摘要 {{date}}（{{count}} 条）",
                "{{#items}}- {{title}}：{{line}}\n{{/items}}",
                "Daily digest {{date}} ({{count}})",
                "{{#items}}- {{title}}: {{line}}\n{{/items}}");
        put(NotifiableEvents.SUBSCRIPTION_PAUSED, "Webhook 订阅已暂停 {{subscriptionId}}",
                "订阅 {{subscriptionId}}（{{url}}）连续失败 {{failures}} 次，已暂停。最后错误：{{lastError}}。修复后请恢复订阅。",
                "Webhook subscription paused {{subscriptionId}}",
                "Subscription {{subscriptionId}} ({{url}}) failed {{failures}} times in a row and was paused. Last error: {{lastError}}. Resume it once fixed.");
    }

    /**
     * Inbox texts where the staff member reads something else than the customer: care reminders, and the visit plans
     * (the customer is told "we will visit you", the owner who goes reads whom they visit).
     */
    private static final Map<String, String[]> INBOX_TEXTS = Map.of(NotifiableEvents.CARE_BIRTHDAY, new String[] {
            "客户生日 {{contactName}}（{{customerName}}）", "今天是 {{customerName}} 的 {{contactName}} 的生日，记得送上祝福。",
            "Birthday: {{contactName}} ({{customerName}})",
            "Today is the birthday of {{contactName}} of {{customerName}}; send your wishes." },
            "crm.visit.plan-scheduled.v1", new String[] {
            "拜访计划 {{customerName}}", "您将于 {{plannedAt}} 在 {{place}} 拜访 {{customerName}}（{{purpose}}）。",
            "Visit planned: {{customerName}}",
            "You visit {{customerName}} on {{plannedAt}} at {{place}} ({{purpose}})." },
            "crm.visit.plan-rescheduled.v1", new String[] {
            "拜访改期 {{customerName}}", "您对 {{customerName}} 原定 {{previousPlannedAt}} 的拜访改为 {{plannedAt}}，地点 {{place}}（{{reason}}）。",
            "Visit moved: {{customerName}}",
            "Your visit to {{customerName}} planned for {{previousPlannedAt}} moved to {{plannedAt}} at {{place}} ({{reason}})." },
            "crm.visit.plan-cancelled.v1", new String[] {
            "拜访取消 {{planId}}", "拜访计划 {{planId}}（客户 {{customerId}}，原定 {{plannedAt}}）已取消。{{note}}",
            "Visit cancelled: {{planId}}",
            "Visit plan {{planId}} (customer {{customerId}}, planned for {{plannedAt}}) is cancelled. {{note}}" });

    private DefaultTemplates() {
    }

    private static void put(String type, String... texts) {
        TEXTS.put(type, texts);
    }

    public record Seed(String eventType, Channel channel, String locale, String subject, String body) {
    }

    private static String[] pick(String[] t, String locale) {
        return locale.startsWith("zh") ? new String[] { t[0], t[1] } : new String[] { t[2], t[3] };
    }

    /** The title and line of an event type in a locale (the digest lists these per item). */
    public static String[] texts(String eventType, String locale) {
        String[] t = TEXTS.get(eventType);
        if (t == null) {
            return null;
        }
        return locale.startsWith("zh") ? new String[] { t[0], t[1] } : new String[] { t[2], t[3] };
    }

    public static List<Seed> all() {
        Set<String> combos = new LinkedHashSet<>();
        for (Rule rule : DefaultRules.all()) {
            for (Channel channel : rule.getChannels()) {
                combos.add(rule.getEventType() + "|" + channel);
            }
        }
        combos.add(NotifiableEvents.DIGEST + "|" + Channel.EMAIL);
        combos.add(NotifiableEvents.DIGEST + "|" + Channel.INBOX);
        combos.add(NotifiableEvents.SUBSCRIPTION_PAUSED + "|" + Channel.EMAIL);
        for (String type : TEXTS.keySet()) {
            combos.add(type + "|" + Channel.INBOX);
        }
        List<Seed> seeds = new ArrayList<>();
        for (String combo : combos) {
            String type = combo.substring(0, combo.indexOf('|'));
            Channel channel = Channel.valueOf(combo.substring(combo.indexOf('|') + 1));
            for (String locale : List.of("zh-CN", "en")) {
                String[] text = channel == Channel.INBOX && INBOX_TEXTS.containsKey(type)
                        ? pick(INBOX_TEXTS.get(type), locale) : texts(type, locale);
                seeds.add(frame(type, channel, locale, text[0], text[1]));
            }
        }
        return seeds;
    }

    private static Seed frame(String type, Channel channel, String locale, String title, String line) {
        boolean zh = locale.startsWith("zh");
        return switch (channel) {
            case EMAIL -> new Seed(type, channel, locale, "[CRM] " + title, (zh ? "{{recipientName}}，您好：\n\n" : "Dear {{recipientName}},\n\n")
                    + line + (zh ? "\n\n—— CRM 系统（请勿回复本邮件）\n" : "\n\n-- CRM (please do not reply to this e-mail)\n"));
            // customers and staff alike are greeted by name in Chinese SMS; English SMS stay terse
            case SMS -> new Seed(type, channel, locale, null, (zh ? "【CRM】{{recipientName}}您好，" : "[CRM] ") + line);
            case INBOX -> new Seed(type, channel, locale, title, line);
            case WEBHOOK -> throw new IllegalArgumentException("webhooks are not templated");
        };
    }
}
