package org.crmsuite.visit.due;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.crmsuite.visit.calendar.VisitCalendar;
import org.crmsuite.visit.plans.PlanStatus;
import org.crmsuite.visit.plans.PlanView;
import org.crmsuite.visit.plans.Plans;
import org.crmsuite.visit.plans.VisitPlan;
import org.crmsuite.visit.policy.Policies;
import org.crmsuite.visit.web.Filters;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * VI-7: what each account manager (and each department) has overdue and due soon, in CU-9 order — VIP first, then
 * preferred, then qualified, each by deadline.
 */
@Service
public class DueBoard {

    static final Comparator<VisitPlan> CU9_ORDER = Comparator.comparingInt(VisitPlan::getPriority)
            .thenComparing(VisitPlan::getDueBy).thenComparing(VisitPlan::getId);

    private final Plans plans;
    private final Policies policies;
    private final VisitCalendar calendar;

    DueBoard(Plans plans, Policies policies, VisitCalendar calendar) {
        this.plans = plans;
        this.policies = policies;
        this.calendar = calendar;
    }

    public record Board(Instant asOf, Instant dueSoonUntil, List<PlanView> overdue, List<PlanView> dueSoon) {
    }

    public record OwnerCounts(String ownerId, long overdue, long dueSoon) {
    }

    public record Summary(Instant asOf, Instant dueSoonUntil, String departmentId, long overdue, long dueSoon,
            List<OwnerCounts> owners) {
    }

    public Board board(String departmentId, String ownerId) {
        Instant now = calendar.now();
        Instant until = calendar.endOfBusinessDaysAfter(now, policies.current().dueSoonBusinessDays());
        List<VisitPlan> open = open(departmentId, ownerId, until);
        return new Board(now, until,
                PlanView.of(open.stream().filter(p -> p.getDueBy().isBefore(now)).sorted(CU9_ORDER).toList()),
                PlanView.of(open.stream().filter(p -> !p.getDueBy().isBefore(now)).sorted(CU9_ORDER).toList()));
    }

    public Summary summary(String departmentId, String ownerId) {
        Board board = board(departmentId, ownerId);
        Map<String, long[]> perOwner = new TreeMap<>();
        board.overdue().forEach(p -> perOwner.computeIfAbsent(String.valueOf(p.ownerId()), o -> new long[2])[0]++);
        board.dueSoon().forEach(p -> perOwner.computeIfAbsent(String.valueOf(p.ownerId()), o -> new long[2])[1]++);
        List<OwnerCounts> owners = perOwner.entrySet().stream()
                .map(e -> new OwnerCounts(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(OwnerCounts::overdue).reversed().thenComparing(OwnerCounts::ownerId))
                .toList();
        return new Summary(board.asOf(), board.dueSoonUntil(), departmentId, board.overdue().size(),
                board.dueSoon().size(), owners);
    }

    private List<VisitPlan> open(String departmentId, String ownerId, Instant until) {
        Criteria criteria = new Filters().is("status", PlanStatus.PLANNED).is("departmentId", departmentId)
                .is("ownerId", ownerId).add(Criteria.where("dueBy").lte(until)).criteria();
        return plans.mongo().find(Query.query(criteria).limit(5_000), VisitPlan.class);
    }
}
