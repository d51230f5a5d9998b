package org.crmsuite.console.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** How the typed record form becomes the JSON of POST /api/v1/visits (VI-3, VI-4). */
class RecordFormTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aFormWithoutRatingsSendsNoReportAndLeavesBlankFieldsOut() {
        RecordForm form = RecordForm.from(params(Map.of("customerId", " demo-customer-04 ", "mode", "PHONE",
                "visitedAt", "2026-11-20T09:05", "content", "Called about the invoice.", "place", "  ",
                "participants", "\n\n", "report.productQuality", "")));

        assertThat(form.body(SHANGHAI)).containsExactly(Map.entry("customerId", "demo-customer-04"),
                Map.entry("mode", "PHONE"), Map.entry("visitedAt", "2026-11-20T01:05:00Z"),
                Map.entry("content", "Called about the invoice."));
    }

    @Test
    void aPartlyRatedReportIsSentAsTypedForTheServiceToNameWhatIsMissing() {
        // VI-4: all three scales or none; the service names a missing one with its allowed labels
        RecordForm form = RecordForm.from(params(Map.of("report.serviceAttitude", "TERRIBLE")));

        assertThat(form.body(SHANGHAI)).containsEntry("report", Map.of("serviceAttitude", "TERRIBLE"));
    }

    @Test
    void aTimeWithItsOffsetIsTakenAsItSaysAndAnythingElseTheConsoleCannotReadIsNamed() {
        assertThat(RecordForm.from(params(Map.of("visitedAt", "2026-11-20T09:05:00+01:00"))).body(SHANGHAI))
                .containsEntry("visitedAt", "2026-11-20T08:05:00Z");
        assertThat(RecordForm.from(params(Map.of("visitedAt", "20/11/2026", "mode", "CARRIER_PIGEON"))).unreadable(SHANGHAI))
                .containsOnlyKeys("visitedAt", "mode");
        assertThat(RecordForm.from(params(Map.of("visitedAt", "2026-11-20T09:05", "mode", "VIDEO"))).unreadable(SHANGHAI))
                .isEmpty();
    }

    @Test
    void onlyAnIdempotencyKeyTheFormMadeIsSentAgain() {
        String made = RecordForm.blank(null, null, java.time.LocalDateTime.of(2026, 11, 20, 9, 5, 31)).idempotencyKey();

        assertThat(RecordForm.from(params(Map.of("idempotencyKey", made))).idempotencyKey()).isEqualTo(made);
        assertThat(RecordForm.from(params(Map.of("idempotencyKey", "x\r\nX-Injected: 1"))).idempotencyKey())
                .isNotEqualTo("x\r\nX-Injected: 1").matches("[0-9a-f-]{36}");
    }

    @Test
    void aNewFormIsDatedNowToTheMinuteOnSite() {
        RecordForm form = RecordForm.blank("demo-customer-01", null, java.time.LocalDateTime.of(2026, 11, 20, 9, 5, 31));

        assertThat(form.visitedAt()).isEqualTo("2026-11-20T09:05");
        assertThat(form.mode()).isEqualTo("ON_SITE");
        assertThat(RecordForm.FIELDS).containsAll(List.of("report.productQuality", "report.serviceAttitude",
                "report.productReputation"));
    }

    private static MultiValueMap<String, String> params(Map<String, String> values) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        values.forEach(params::add);
        return params;
    }
}
