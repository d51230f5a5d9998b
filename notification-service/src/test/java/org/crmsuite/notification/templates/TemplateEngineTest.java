package org.crmsuite.notification.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.crmsuite.notification.delivery.Channel;
import org.crmsuite.notification.events.NotifiableEvent;
import org.crmsuite.notification.events.NotifiableEvents;
import org.crmsuite.platform.web.DomainException;
import org.junit.jupiter.api.Test;

/** NO-5 template checks without Spring: variables per event type, list sections, every seeded template valid. */
class TemplateEngineTest {

    private final NotifiableEvent digest = NotifiableEvents.require(NotifiableEvents.DIGEST, "t");
    private final NotifiableEvent resolved = NotifiableEvents.require("crm.complaint.resolved.v1", "t");

    @Test
    void itemFieldsAreKnownInsideTheirListSectionOnly_NO5() {
        TemplateEngine.validate("{{#items}}{{title}}{{/items}}", "body", digest);
        assertThatThrownBy(() -> TemplateEngine.validate("{{title}}", "body", digest)).isInstanceOf(DomainException.class)
                .hasMessageContaining("'title'");
    }

    @Test
    void anAbsentOptionalFieldRendersEmptyNotAsAnError_NO5() {
        assertThat(TemplateEngine.render("{{complaintId}}/{{contactEmail}}/{{&contactName}}", resolved,
                Map.of("complaintId", "C-1", "contactName", "A&B"))).isEqualTo("C-1//A&B");
    }

    @Test
    void theOwnerReadsWhomTheyVisitWhileTheCustomerIsToldWeWillVisitYou_NO5() {
        NotifiableEvent planned = NotifiableEvents.require("crm.visit.plan-scheduled.v1", "eventType");
        String inbox = seed(planned.type(), Channel.INBOX, "en");
        String sms = seed(planned.type(), Channel.SMS, "en");

        assertThat(TemplateEngine.render(inbox, planned, planned.sampleContext())).startsWith("You visit ")
                .doesNotContain("We will visit you");
        assertThat(TemplateEngine.render(sms, planned, planned.sampleContext())).contains("We will visit you");
        assertThat(seed(planned.type(), Channel.INBOX, "zh-CN")).startsWith("您将于");
    }

    private static String seed(String eventType, Channel channel, String locale) {
        return DefaultTemplates.all().stream()
                .filter(s -> s.eventType().equals(eventType) && s.channel() == channel && s.locale().equals(locale))
                .findFirst().orElseThrow().body();
    }

    @Test
    void everySeededTemplateUsesOnlyItsEventsVariables_NO5() {
        for (DefaultTemplates.Seed seed : DefaultTemplates.all()) {
            NotifiableEvent event = NotifiableEvents.require(seed.eventType(), "eventType");
            TemplateEngine.validate(seed.subject(), "subject", event);
            TemplateEngine.validate(seed.body(), "body", event);
            assertThat(TemplateEngine.render(seed.body(), event, event.sampleContext())).doesNotContain("{{");
        }
    }
}
