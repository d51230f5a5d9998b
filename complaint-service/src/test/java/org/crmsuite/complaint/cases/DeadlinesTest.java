package org.crmsuite.complaint.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.crmsuite.testsupport.Api;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * CO-3 (acknowledge within 1 business hour, accept within 1 business day) and CO-5 (resolve L1/L2/L3 within 1/3/3
 * business days, L3 up to 7 with a director's approval) on the test calendar: Shanghai office hours 09:00-12:00 and
 * 13:30-18:00, holiday week Monday 5 – Friday 9 October 2026, make-up working Saturday 10 October. The clock is fixed
 * at the moment of receipt; times in the comments are Shanghai time (UTC+8).
 */
@DisplayName("CO-3 / CO-5 deadlines on the business calendar")
class DeadlinesTest extends ServiceTestBase {

    final String department = uniqueDepartment();
    final String agent = agent("staff-agent-1", department);

    @Test
    void receivedOnFridayEveningBeforeTheHolidayWeekIsDueOnTheMakeUpSaturdayAndAfter() {
        clock.set("2026-10-02T11:30:00Z"); // Fri 2 Oct 19:30
        Api.Response l1 = file(complaint("qual-fri-1", "L1", department), agent);
        assertThat(l1.text("acknowledgeDueAt")).isEqualTo("2026-10-10T02:00:00Z"); // Sat 10 Oct 10:00
        assertThat(l1.text("acceptDueAt")).isEqualTo("2026-10-10T10:00:00Z"); // Sat 10 Oct 18:00
        assertThat(l1.text("resolveDueAt")).isEqualTo("2026-10-10T10:00:00Z"); // L1: 1 business day

        Api.Response l2 = file(complaint("qual-fri-2", "L2", department), manager("staff-manager-1", department));
        assertThat(l2.text("resolveDueAt")).isEqualTo("2026-10-13T10:00:00Z"); // Sat 10, Mon 12, Tue 13 Oct 18:00

        Api.Response l3 = file(complaint("qual-fri-3", "L3", department), agent);
        assertThat(l3.text("resolveDueAt")).isEqualTo("2026-10-13T10:00:00Z"); // L3 starts at 3 business days
        assertThat(l3.text("handlerTier")).isEqualTo("DIRECTOR");
    }

    @Test
    void receivedOnTheMakeUpSaturdayCountsTheSaturdayAsAWorkingDay() {
        clock.set("2026-10-10T03:30:00Z"); // Sat 10 Oct 11:30
        Api.Response filed = file(complaint("qual-sat", "L1", department), agent);
        assertThat(filed.text("acknowledgeDueAt")).isEqualTo("2026-10-10T06:00:00Z"); // 11:30-12:00 + 13:30-14:00
        assertThat(filed.text("acceptDueAt")).isEqualTo("2026-10-12T10:00:00Z"); // Mon 12 Oct 18:00
        assertThat(filed.text("resolveDueAt")).isEqualTo("2026-10-12T10:00:00Z");
    }

    @Test
    void receivedOutsideWorkingHoursStartsCountingWhenWorkStarts() {
        clock.set("2026-10-12T23:45:00Z"); // Tue 13 Oct 07:45, before opening
        Api.Response early = file(complaint("qual-early", "L1", department), agent);
        assertThat(early.text("acknowledgeDueAt")).isEqualTo("2026-10-13T02:00:00Z"); // 10:00
        assertThat(early.text("acceptDueAt")).isEqualTo("2026-10-14T10:00:00Z"); // Wed 14 Oct 18:00

        clock.set("2026-10-13T04:40:00Z"); // Tue 12:40, lunch break
        assertThat(file(complaint("qual-lunch", "L1", department), agent).text("acknowledgeDueAt"))
                .isEqualTo("2026-10-13T06:30:00Z"); // 14:30

        clock.set("2026-10-11T02:00:00Z"); // Sun 11 Oct 10:00, a weekend day
        Api.Response sunday = file(complaint("qual-sun", "L1", department), agent);
        assertThat(sunday.text("acknowledgeDueAt")).isEqualTo("2026-10-12T02:00:00Z"); // Mon 10:00
        assertThat(sunday.text("acceptDueAt")).isEqualTo("2026-10-12T10:00:00Z"); // Mon 18:00
    }

    @Test
    void theCaseShowsItsDeadlinesTimeLeftAndBreaches() {
        clock.set("2026-10-02T11:30:00Z");
        String id = file(complaint("qual-left", "L1", department), agent).text("id");

        clock.set("2026-10-10T01:00:00Z"); // Sat 09:00: the first business hour has not started counting down yet
        JsonNode acknowledge = deadline(api.get("/api/v1/complaints/" + id, agent).body(), "ACKNOWLEDGE");
        assertThat(acknowledge.path("businessMinutesLeft").asLong()).isEqualTo(60);
        assertThat(acknowledge.path("breached").asBoolean()).isFalse();
        assertThat(acknowledge.path("warnAt").asString()).isEqualTo("2026-10-10T01:45:00Z"); // 75 % of the hour

        clock.set("2026-10-10T02:30:00Z"); // Sat 10:30: half an hour late
        JsonNode view = api.get("/api/v1/complaints/" + id, agent).body();
        acknowledge = deadline(view, "ACKNOWLEDGE");
        assertThat(acknowledge.path("businessMinutesLeft").asLong()).isEqualTo(-30);
        assertThat(acknowledge.path("breached").asBoolean()).isTrue();
        assertThat(view.path("breaches").findValuesAsString("kind")).containsExactly("ACKNOWLEDGE");
    }

    @Test
    void theSlaWarningFallsAtSeventyFivePercentOfTheAllowedBusinessTime() {
        clock.set("2026-10-02T11:30:00Z");
        String id = file(complaint("qual-warn", "L1", department), agent).text("id");
        JsonNode accept = deadline(api.get("/api/v1/complaints/" + id, agent).body(), "ACCEPT");
        // Fri 19:30 → Sat 18:00 is 7.5 business hours; 75 % = 5 h 37 min 30 s → Sat 16:07:30
        assertThat(accept.path("warnAt").asString()).isEqualTo("2026-10-10T08:07:30Z");
    }

    @Test
    @DisplayName("CO-5: an L3 case takes longer than 3 business days only with a director's approval, 7 at most")
    void extendingAnL3CasePastThreeBusinessDaysNeedsADirector() {
        clock.set("2026-10-02T11:30:00Z");
        String id = file(complaint("qual-l3", "L3", department), agent).text("id");
        String path = "/api/v1/complaints/" + id + "/resolution-extension";

        Api.Response byManager = api.post(path, manager("staff-manager-1", department), Map.of("businessDays", 7, "note", "lab test"));
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(byManager.text("code")).isEqualTo("complaint.extension-needs-director");

        Api.Response tooLong = api.post(path, director("staff-director-1", department), Map.of("businessDays", 8, "note", "lab"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("code")).isEqualTo("complaint.extension-out-of-range");

        Api.Response approved = api.post(path, director("staff-director-1", department),
                Map.of("businessDays", 7, "note", "batch samples at the lab"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        JsonNode resolve = deadline(approved.body(), "RESOLVE");
        assertThat(resolve.path("dueAt").asString()).isEqualTo("2026-10-19T10:00:00Z"); // Sat 10, 12-16, Mon 19 Oct 18:00
        assertThat(resolve.path("businessDays").asInt()).isEqualTo(7);
        assertThat(approved.body().path("history").findValuesAsString("action")).contains("EXTENDED");

        String l1 = file(complaint("qual-l1-ext", "L1", department), agent).text("id");
        Api.Response notL3 = api.post("/api/v1/complaints/" + l1 + "/resolution-extension", director("staff-director-1", department),
                Map.of("businessDays", 3, "note", "why not"));
        assertThat(notL3.status()).isEqualTo(409);
        assertThat(notL3.text("code")).isEqualTo("complaint.extension-only-l3");
    }

    @Test
    void waitingOnTheCustomerPausesTheClockAndMovesTheDeadlinesOnResuming() {
        String id = file(complaint("qual-wait", "L1", department), agent).text("id"); // Mon 12 Oct 10:00
        Api.Response acknowledged = move(id, "ACKNOWLEDGED", agent);
        assertThat(acknowledged.status()).as(acknowledged.raw()).isEqualTo(200);
        assertThat(move(id, "ACCEPTED", agent).status()).isEqualTo(200);
        // resolve: 1 business day → Tue 13 Oct 18:00
        clock.set("2026-10-12T03:00:00Z"); // Mon 11:00
        Api.Response waiting = api.post("/api/v1/complaints/" + id + "/waiting", agent,
                Map.of("waiting", true, "note", "customer sends photos"));
        assertThat(waiting.body().path("clockPaused").asBoolean()).isTrue();

        clock.set("2026-10-12T07:00:00Z"); // Mon 15:00: 11-12 and 13:30-15 = 2.5 business hours paused
        Api.Response resumed = api.post("/api/v1/complaints/" + id + "/waiting", agent, Map.of("waiting", false));
        JsonNode resolve = deadline(resumed.body(), "RESOLVE");
        assertThat(resolve.path("dueAt").asString()).isEqualTo("2026-10-14T03:30:00Z"); // Tue 18:00 + 2.5 h = Wed 11:30
        assertThat(resolve.path("pausedBusinessTime").asString()).isEqualTo("PT2H30M");
    }

    static JsonNode deadline(JsonNode view, String kind) {
        JsonNode found = null;
        for (JsonNode deadline : view.path("deadlines")) {
            if (kind.equals(deadline.path("kind").asString()) && deadline.path("running").asBoolean(true)) {
                found = deadline;
            }
        }
        assertThat(found).as("running %s deadline in %s", kind, view).isNotNull();
        return found;
    }
}
