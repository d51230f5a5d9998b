package org.crmsuite.sales.statistics;

import java.time.LocalDate;
import java.util.List;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.sales.access.Forbidden;
import org.crmsuite.sales.office.Offices;
import org.crmsuite.sales.office.SalesOffice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reception/statistics?period=DAILY|WEEKLY|MONTHLY&date=&officeId=} (SA-10). A rep sees their own
 * row; a manager the offices of their department; ADMIN, GM, DIRECTOR and FINANCE every office.
 */
@RestController
class StatisticsController {

    private final Statistics statistics;
    private final Offices offices;

    StatisticsController(Statistics statistics, Offices offices) {
        this.statistics = statistics;
        this.offices = offices;
    }

    @GetMapping("/api/v1/reception/statistics")
    Statistics.Report report(@RequestParam Period period, @RequestParam(required = false) LocalDate date,
            @RequestParam(required = false) String officeId, Caller caller) {
        List<SalesOffice> scope;
        String onlyRep = null;
        if (caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.FINANCE)) {
            scope = officeId == null ? offices.all() : List.of(offices.get(officeId));
        } else if (caller.hasAny(Role.MANAGER, Role.SALES)) {
            scope = officeId == null ? offices.ofDepartment(caller.department()) : List.of(offices.get(officeId));
            Forbidden.unless(scope.stream().allMatch(o -> caller.inDepartment(o.departmentId())),
                    "Only the statistics of your own department's offices");
            if (!caller.has(Role.MANAGER)) {
                onlyRep = caller.id();
            }
        } else {
            throw Forbidden.because("Statistics are for sales, managers, finance and management");
        }
        return statistics.report(period, date == null ? offices.today() : date,
                scope.stream().map(SalesOffice::id).toList(), onlyRep);
    }
}
