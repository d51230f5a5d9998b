package org.crmsuite.sales.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.crmsuite.sales.support.Http;
import org.crmsuite.sales.support.SalesTestBase;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** SA-10: daily, weekly and monthly visitors, calls, deposits, contracts and conversion, per rep and per project. */
class StatisticsTest extends SalesTestBase {

    static final String A = "demo-sales-1";
    static final String B = "demo-sales-2";

    private void seedTheWeek() {
        visitedBefore(4, A, "last month", "13800000500");  // Thursday 26 February
        visitedBefore(1, B, "sunday", "13800000501");      // Sunday 1 March: this month, last ISO week
        rota(A, B);
        received(walkIn("one", "13800000502", "NO"));      // A
        received(walkIn("two", "13800000503", "NO"));      // B
        received(walkIn("three", "13800000504", "NO"));    // A
        assertThat(api.post("/api/v1/reception/offices/" + OFFICE + "/calls", sales(B),
                Map.of("callerName", "caller", "phone", "13800000505")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/deposits", sales(A), deposit(unit("1201"), "ok-1", "13800000502")).status())
                .isEqualTo(201);
        String second = api.post("/api/v1/deposits", sales(A), deposit(unit("1202"), "ok-2", "13800000504")).text("id");
        assertThat(api.post("/api/v1/deposits/" + second + "/stage", sales(A), Map.of("stage", "CONTRACT",
                "amount", "5000000.00")).status()).isEqualTo(200);
    }

    private JsonNode report(String period, String token) {
        Http.Response r = api.get("/api/v1/reception/statistics?period=" + period + "&date=" + TODAY + "&officeId=" + OFFICE,
                token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode row(JsonNode rows, String key) {
        for (JsonNode row : rows) {
            if (row.get("key").asString().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + rows);
    }

    @Test
    void dailyCountsPerRepAndProjectWithConversion_SA10() {
        seedTheWeek();
        JsonNode daily = report("DAILY", manager());
        assertThat(daily.get("from").asString()).isEqualTo("2026-03-02");
        JsonNode a = row(daily.get("perRep"), A);
        assertThat(a.get("visitors").asLong()).isEqualTo(2);
        assertThat(a.get("deposits").asLong()).isEqualTo(2);
        assertThat(a.get("contracts").asLong()).isEqualTo(1);
        assertThat(a.get("depositConversionPercent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(a.get("contractConversionPercent").decimalValue()).isEqualByComparingTo("50.0");
        JsonNode b = row(daily.get("perRep"), B);
        assertThat(b.get("visitors").asLong()).isEqualTo(1);
        assertThat(b.get("calls").asLong()).isEqualTo(1);
        assertThat(b.get("deposits").asLong()).isZero();
        JsonNode project = row(daily.get("perProject"), PROJECT);
        assertThat(project.get("visitors").asLong()).isEqualTo(3);
        assertThat(project.get("calls").asLong()).isEqualTo(1);
        assertThat(daily.get("total").get("deposits").asLong()).isEqualTo(2);
    }

    @Test
    void weeklyIsTheIsoWeekAndMonthlyTheCalendarMonth_SA10() {
        seedTheWeek();
        JsonNode weekly = report("WEEKLY", manager());
        assertThat(weekly.get("from").asString()).isEqualTo("2026-03-02");
        assertThat(weekly.get("to").asString()).isEqualTo("2026-03-08");
        assertThat(weekly.get("total").get("visitors").asLong()).isEqualTo(3);
        JsonNode monthly = report("MONTHLY", manager());
        assertThat(monthly.get("from").asString()).isEqualTo("2026-03-01");
        assertThat(monthly.get("to").asString()).isEqualTo("2026-03-31");
        assertThat(monthly.get("total").get("visitors").asLong()).isEqualTo(4);
        assertThat(row(monthly.get("perRep"), B).get("visitors").asLong()).isEqualTo(2);
    }

    @Test
    void aRepSeesTheirOwnFiguresOnly_SA10() {
        seedTheWeek();
        JsonNode mine = report("DAILY", sales(B));
        assertThat(mine.get("perRep").size()).isEqualTo(1);
        assertThat(mine.get("perRep").get(0).get("key").asString()).isEqualTo(B);
        assertThat(api.get("/api/v1/reception/statistics?period=DAILY", agent()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reception/statistics?period=DAILY&officeId=" + OFFICE, otherManager()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/reception/statistics?period=YEARLY", manager()).status()).isEqualTo(400);
        assertThat(report("DAILY", finance()).get("total").get("visitors").asLong()).isEqualTo(3);
    }
}
