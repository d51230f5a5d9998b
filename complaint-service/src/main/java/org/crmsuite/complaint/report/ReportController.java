package org.crmsuite.complaint.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import org.crmsuite.complaint.access.Access;
import org.crmsuite.complaint.cases.Cases;
import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/complaints/reports/summary}: the weekly or monthly summary of CO-9 for the week (Monday–Sunday) or
 * month containing {@code date}, in the business calendar's zone. Managers see their department; directors, the GM and
 * administrators any department or all.
 */
@RestController
class ReportController {

    enum Period { WEEK, MONTH }

    private final ComplaintReports reports;
    private final Cases cases;

    ReportController(ComplaintReports reports, Cases cases) {
        this.reports = reports;
        this.cases = cases;
    }

    record Report(Period period, LocalDate firstDay, LocalDate lastDay, Instant from, Instant to, String departmentId,
            ComplaintReports.Summary summary) {
    }

    @GetMapping("/api/v1/complaints/reports/summary")
    Report summary(@RequestParam(defaultValue = "WEEK") Period period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String departmentId, Caller caller) {
        Access.require(caller.hasAny(Role.MANAGER, Role.DIRECTOR, Role.GM, Role.ADMIN), "Reports are for managers and above");
        String department = caller.hasAny(Role.DIRECTOR, Role.GM, Role.ADMIN) ? departmentId : caller.department();
        if (!caller.hasAny(Role.DIRECTOR, Role.GM, Role.ADMIN)) {
            // a manager's report is their department's: none without one, never another's
            Access.require(department != null, "A manager's report needs the manager's department in the token");
            Access.require(departmentId == null || departmentId.equals(department),
                    "A manager reports on their own department only");
        }
        ZoneId zone = cases.schedule().calendar().zone();
        LocalDate day = date != null ? date : LocalDate.ofInstant(cases.now(), zone);
        LocalDate first = period == Period.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day.withDayOfMonth(1);
        LocalDate next = period == Period.WEEK ? first.plusWeeks(1) : first.plusMonths(1);
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = next.atStartOfDay(zone).toInstant();
        return new Report(period, first, next.minusDays(1), from, to, department, reports.summarise(from, to, department));
    }
}
