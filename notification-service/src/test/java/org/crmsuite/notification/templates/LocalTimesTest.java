package org.crmsuite.notification.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** NO-5: the times in a message are shown in the office's zone and the template's language. */
class LocalTimesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("plannedAt", "2026-11-25T02:00:00Z");
        values.put("resolveDueAt", "2026-11-30T10:00:00.123456Z");
        values.put("replyBy", "2026-11-24T09:30:00+08:00");
        values.put("dueBy", "2026-11-30");
        values.put("complaintId", "2026-C-000101");
        values.put("note", "call before 2026-11-25T02:00:00Z please");
        values.put("percentElapsed", 75);
        values.put("missing", null);
        values.put("items", List.of(Map.of("at", "2026-11-23T16:05:00Z")));
        return values;
    }

    @Test
    void instantsAreShownInTheOfficeZoneInChineseForAChineseTemplate_NO5() {
        Map<String, Object> shown = LocalTimes.readable(values(), "zh-CN", SHANGHAI);

        assertThat(shown.get("plannedAt")).isEqualTo("2026年11月25日 10:00");
        assertThat(shown.get("resolveDueAt")).isEqualTo("2026年11月30日 18:00");
        assertThat(shown.get("replyBy")).isEqualTo("2026年11月24日 09:30");
        assertThat(shown.get("items")).isEqualTo(List.of(Map.of("at", "2026年11月24日 00:05")));
    }

    @Test
    void instantsAreShownInEnglishForAnEnglishTemplate_NO5() {
        Map<String, Object> shown = LocalTimes.readable(values(), "en", SHANGHAI);

        assertThat(shown.get("plannedAt")).isEqualTo("25 Nov 2026, 10:00");
        assertThat(shown.get("resolveDueAt")).isEqualTo("30 Nov 2026, 18:00");
    }

    @Test
    void everythingElseStaysAsItIs_NO5() {
        Map<String, Object> shown = LocalTimes.readable(values(), "en", SHANGHAI);

        assertThat(shown.get("dueBy")).isEqualTo("2026-11-30");
        assertThat(shown.get("complaintId")).isEqualTo("2026-C-000101");
        assertThat(shown.get("note")).as("only a whole value is a time").isEqualTo("call before 2026-11-25T02:00:00Z please");
        assertThat(shown.get("percentElapsed")).isEqualTo(75);
        assertThat(shown).containsEntry("missing", null);
        assertThat(shown.keySet()).containsExactlyElementsOf(values().keySet());
    }
}
