package org.crmsuite.console.dashboards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The two report bodies the dashboards read, as far as they show them: complaint-service's CO-9 summary
 * ({@code GET /api/v1/complaints/reports/summary}) and sales-service's SA-10 statistics
 * ({@code GET /api/v1/reception/statistics}). Fields the dashboards do not show are ignored.
 */
final class ServiceReports {

    private ServiceReports() {
    }

    /** CO-9: the period and the figures over the complaints received in it; {@code departmentId} null = all. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ComplaintReport(String period, LocalDate firstDay, LocalDate lastDay, String departmentId,
            ComplaintSummary summary) {
    }

    /**
     * @param onTime        per deadline kind (ACKNOWLEDGE, ACCEPT, RESOLVE): met on time vs. late, and the rate
     *                      (null while nothing was met)
     * @param ratings       "1".."5" and "UNREACHABLE" → count (CO-7)
     * @param satisfiedShare share of ratings 1–3 among the cases rated 1–5, null without ratings
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ComplaintSummary(long total, long open, long closed, Map<String, Long> byCategory,
            Map<String, Long> byLevel, Map<String, OnTime> onTime, Map<String, Long> ratings, Double satisfiedShare) {

        ComplaintSummary {
            byCategory = byCategory == null ? Map.of() : byCategory;
            byLevel = byLevel == null ? Map.of() : byLevel;
            onTime = onTime == null ? Map.of() : onTime;
            ratings = ratings == null ? Map.of() : ratings;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OnTime(long onTime, long late, Double rate) {
    }

    /** SA-10: one row per rep (key = staff id) and per project, and the total; conversion in % of visitors. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReceptionStatistics(String period, LocalDate from, LocalDate to, List<String> officeIds,
            List<StatisticsRow> perRep, List<StatisticsRow> perProject, StatisticsRow total) {

        ReceptionStatistics {
            officeIds = officeIds == null ? List.of() : officeIds;
            perRep = perRep == null ? List.of() : perRep;
            perProject = perProject == null ? List.of() : perProject;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatisticsRow(String key, long visitors, long calls, long deposits, long contracts,
            BigDecimal depositConversionPercent, BigDecimal contractConversionPercent) {
    }
}
