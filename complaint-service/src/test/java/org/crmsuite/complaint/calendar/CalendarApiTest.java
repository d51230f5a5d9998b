package org.crmsuite.complaint.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.testsupport.Api;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** {@code /api/v1/calendars}: the business calendars (DOMAIN.md "Business calendar") stored in MongoDB. */
class CalendarApiTest extends ServiceTestBase {

    final String agent = agent("staff-agent-1", "d-service");

    @Test
    void theShippedDefaultCalendarIsServedWithItsTwoYears() {
        Api.Response calendar = api.get("/api/v1/calendars/cn-default", agent);
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.text("zone")).isEqualTo("Asia/Shanghai");
        assertThat(calendar.raw()).contains("\"MONDAY\":[\"09:00-12:00\",\"13:30-18:00\"]");
        JsonNode years = calendar.body().path("years");
        assertThat(years.get(0).path("year").asInt()).isEqualTo(2026);
        assertThat(years.get(0).path("assumption").asBoolean()).isFalse();
        assertThat(years.get(1).path("year").asInt()).isEqualTo(2027);
        assertThat(years.get(1).path("assumption").asBoolean()).isTrue();

        Api.Response nationalDay = api.get("/api/v1/calendars/cn-default/days?from=2026-10-07&to=2026-10-10", agent);
        assertThat(nationalDay.raw()).contains("\"date\":\"2026-10-10\",\"dayOfWeek\":\"SATURDAY\",\"working\":true");
        assertThat(nationalDay.body().get(0).path("holiday").asString()).contains("国庆节");
    }

    @Test
    @DisplayName("an administrator imports a year in the documented format; the days and deadlines follow it")
    void anAdministratorImportsAYearAndDeadlinesFollowIt() {
        createCalendar("import-test", "Asia/Shanghai", List.of("09:00-17:00"));
        String year = """
                { "format": "crm-calendar-year/1", "region": "CN", "year": 2028, "source": "test notice",
                  "holidays": [ { "from": "2028-01-03", "to": "2028-01-04", "name": "test holiday" } ],
                  "workingDays": [ { "date": "2028-01-08", "name": "test make-up Saturday" } ] }
                """;
        assertThat(api.put("/api/v1/calendars/import-test/years/2028", agent, year).status()).isEqualTo(403);
        Api.Response imported = api.put("/api/v1/calendars/import-test/years/2028", admin(), year);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/calendars/import-test/years/2028", agent).raw()).contains("\"2028-01-08\"")
                .contains("test make-up Saturday");

        // Fri 31 Dec 2027 16:30 + 1 business hour: Mon 3 and Tue 4 are holidays → Wed 5 Jan 09:30
        Api.Response due = api.get("/api/v1/calendars/import-test/add?start=2027-12-31T08:30:00Z&businessHours=1", agent);
        assertThat(due.text("due")).isEqualTo("2028-01-05T01:30:00Z");
        // 3 business days after Wed 5 Jan: Thu 6, Fri 7, Sat 8 (make-up) → Sat 17:00
        assertThat(api.get("/api/v1/calendars/import-test/add?start=2028-01-05T02:00:00Z&businessDays=3", agent).text("due"))
                .isEqualTo("2028-01-08T09:00:00Z");
        assertThat(api.get("/api/v1/calendars/import-test/between?from=2028-01-07T08:00:00Z&to=2028-01-08T02:00:00Z", agent)
                .body().path("businessMinutes").asLong()).isEqualTo(60 + 60); // Fri 16-17, Sat 09-10
    }

    @Test
    void anImportThatContradictsTheCalendarIsRefused() {
        Api.Response weekday = api.put("/api/v1/calendars/cn-default/years/2028", admin(),
                "{\"year\": 2028, \"workingDays\": [{\"date\": \"2028-03-06\"}]}");
        assertThat(weekday.status()).isEqualTo(400);
        assertThat(weekday.text("code")).isEqualTo("calendar.invalid");
        assertThat(weekday.text("detail")).contains("2028-03-06 is a MONDAY");

        Api.Response wrongYear = api.put("/api/v1/calendars/cn-default/years/2028", admin(),
                "{\"year\": 2028, \"holidays\": [{\"date\": \"2029-01-01\"}]}");
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(wrongYear.text("code")).isEqualTo("calendar.invalid-year");

        Api.Response misspelt = api.put("/api/v1/calendars/cn-default/years/2028", admin(), "{\"year\": 2028, \"holiday\": []}");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.raw()).contains("holiday");
    }

    @Test
    @DisplayName("a calendar in a daylight-saving zone (Europe/Berlin) counts across the clock change")
    void aDaylightSavingZoneCountsAcrossTheClockChange() {
        createCalendar("berlin-test", "Europe/Berlin", List.of("09:00-17:00"));
        // Fri 27 Mar 2026 16:30 CET + 1 business hour → Mon 30 Mar 09:30 CEST
        assertThat(api.get("/api/v1/calendars/berlin-test/add?start=2026-03-27T15:30:00Z&businessHours=1", agent).text("due"))
                .isEqualTo("2026-03-30T07:30:00Z");
        assertThat(api.get("/api/v1/calendars/berlin-test/add?start=2026-03-27T09:00:00Z&businessDays=1&dayEnd=SAME_TIME", agent)
                .text("due")).isEqualTo("2026-03-30T08:00:00Z");
        assertThat(api.get("/api/v1/calendars/berlin-test/add?start=2026-03-27T09:00:00Z&businessDays=1&dayEnd=NOON", agent)
                .status()).isEqualTo(400);
    }

    @Test
    void aBadDefinitionIsRefusedWithAReason() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zone", "Mars/Olympus");
        body.put("weeklyHours", Map.of("MONDAY", List.of("09:00-12:00")));
        Api.Response zone = api.put("/api/v1/calendars/bad-zone", admin(), body);
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.text("detail")).contains("Mars/Olympus");
        body.put("zone", "Asia/Shanghai");
        body.put("weeklyHours", Map.of("MONDAY", List.of("09:00-12:00", "11:00-13:00")));
        assertThat(api.put("/api/v1/calendars/bad-overlap", admin(), body).text("detail")).contains("overlap");
        body.put("weeklyHours", Map.of("FUNDAY", List.of("09:00-12:00")));
        assertThat(api.put("/api/v1/calendars/bad-day", admin(), body).raw()).contains("MONDAY");
    }

    @Test
    @DisplayName("replacing an existing calendar needs the version last read; a stale one is 409")
    void replacingACalendarNeedsItsVersion() {
        createCalendar("versioned-test", "Asia/Shanghai", List.of("09:00-17:00"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zone", "Asia/Shanghai");
        body.put("weeklyHours", Map.of("MONDAY", List.of("08:00-12:00")));

        Api.Response blind = api.put("/api/v1/calendars/versioned-test", admin(), body);
        assertThat(blind.status()).isEqualTo(400);
        assertThat(blind.text("code")).isEqualTo("calendar.version-required");
        long version = api.get("/api/v1/calendars/versioned-test", admin()).body().path("version").asLong();
        body.put("version", version + 7);
        assertThat(api.put("/api/v1/calendars/versioned-test", admin(), body).status()).isEqualTo(409);
        body.put("version", version);
        Api.Response replaced = api.put("/api/v1/calendars/versioned-test", admin(), body);
        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
        assertThat(replaced.raw()).contains("\"MONDAY\":[\"08:00-12:00\"]");
    }

    void createCalendar(String id, String zone, List<String> hours) {
        if (api.get("/api/v1/calendars/" + id, admin()).status() == 200) {
            return;
        }
        Map<String, Object> weekly = new LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            weekly.put(day, hours);
        }
        Api.Response created = api.put("/api/v1/calendars/" + id, admin(), Map.of("zone", zone, "weeklyHours", weekly));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
    }
}
