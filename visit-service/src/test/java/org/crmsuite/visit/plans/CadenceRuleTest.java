package org.crmsuite.visit.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.visit.policy.CadencePolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** VI-1 cadence by category, grade, location and A-class, and VI-2's annual plan dates, without Spring. */
class CadenceRuleTest {

    static final CadencePolicy POLICY = new CadencePolicy(new CadencePolicy.PerCategory(3, 6, 12),
            new CadencePolicy.PerGrade(1, 1, 0), 6, List.of("华东"), Set.of(Grade.VIP), 12, 12, 3, 3,
            Set.of(CadencePolicy.OwnerChangeReason.DEPARTURE, CadencePolicy.OwnerChangeReason.REASSIGNED), 3, 3);

    static CustomerView customer(Category category, Grade grade, String region) {
        CustomerView view = new CustomerView("c-1");
        view.setCategory(category);
        view.setGrade(grade);
        view.setRegion(region);
        view.setStatus("ACTIVE");
        view.setComplete(true);
        return view;
    }

    @ParameterizedTest(name = "VI-1: {0} {1} in {2} is visited every {3} months")
    @CsvSource({
            "KEY, QUALIFIED, 华东, 3",
            "GENERAL, QUALIFIED, 华东, 6",
            "POTENTIAL, QUALIFIED, 华东, 12",
            "POTENTIAL, VIP, 华东, 1",
            "GENERAL, PREFERRED, 华东, 1",
            "KEY, VIP, 华东, 1",
            "POTENTIAL, QUALIFIED, 华南, 6",
            "GENERAL, QUALIFIED, 华南, 6",
            "KEY, QUALIFIED, 华南, 3",
            "GENERAL, PREFERRED, 华北, 1" })
    void regularCadenceIsTheShortestThatApplies_VI1(Category category, Grade grade, String region, int months) {
        CadenceRule.Cadence regular = CadenceRule.cadencesFor(customer(category, grade, region), POLICY).get(0);
        assertThat(regular.track()).isEqualTo(Track.REGULAR);
        assertThat(regular.months()).isEqualTo(months);
    }

    @Test
    void aClassPartnersAlsoGetAYearlySeniorManagementVisit_VI1() {
        List<CadenceRule.Cadence> vip = CadenceRule.cadencesFor(customer(Category.GENERAL, Grade.VIP, "华东"), POLICY);
        assertThat(vip).extracting(CadenceRule.Cadence::track, CadenceRule.Cadence::months)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Track.REGULAR, 1),
                        org.assertj.core.groups.Tuple.tuple(Track.SENIOR_MANAGEMENT, 12));
        assertThat(CadenceRule.cadencesFor(customer(Category.KEY, Grade.PREFERRED, "华东"), POLICY))
                .extracting(CadenceRule.Cadence::track).containsExactly(Track.REGULAR);
    }

    @Test
    void anUnknownRegionIsNotOutOfTown_VI1() {
        assertThat(CadenceRule.cadencesFor(customer(Category.POTENTIAL, Grade.QUALIFIED, null), POLICY).get(0).months())
                .isEqualTo(12);
    }

    @Test
    void firstPlanFollowsTheLastVisitAndTheRestRunToTheHorizon_VI2() {
        LocalDate today = LocalDate.of(2026, 9, 21);
        assertThat(AnnualPlan.fromScratch(today, today, 3, today.plusMonths(12))).containsExactly(
                LocalDate.of(2026, 12, 21), LocalDate.of(2027, 3, 21), LocalDate.of(2027, 6, 21), LocalDate.of(2027, 9, 21));
        // last visited five months ago with a quarterly cadence: the first plan is already overdue, the rest count on from today
        assertThat(AnnualPlan.fromScratch(LocalDate.of(2026, 4, 21), today, 3, LocalDate.of(2027, 3, 21))).containsExactly(
                LocalDate.of(2026, 7, 21), LocalDate.of(2026, 12, 21), LocalDate.of(2027, 3, 21));
        assertThat(AnnualPlan.after(LocalDate.of(2027, 3, 21), today, 6, LocalDate.of(2027, 9, 21)))
                .containsExactly(LocalDate.of(2027, 9, 21));
    }
}
