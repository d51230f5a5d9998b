package org.crmsuite.visit.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.visit.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * VI-1/VI-2 cadence generation for every category and grade from the fixed clock (Monday 21 Sep 2026, Shanghai), on the
 * test calendar, and the plan pass that keeps the annual plan rolling without making a plan twice.
 */
class PlanGenerationTest extends ServiceTestBase {

    @Autowired
    Plans plans;
    @Autowired
    PlanGenerationJob job;

    List<Document> track(String customerId, String track) {
        return openPlansOf(customerId).stream().filter(p -> track.equals(p.getString("track"))).toList();
    }

    @ParameterizedTest(name = "VI-1: {0} {1} → {2} regular plans a year, first due {3}, senior management {4}")
    @CsvSource({
            "KEY,       QUALIFIED, 4,  2026-12-21T10:00:00Z, 0",
            "GENERAL,   QUALIFIED, 2,  2027-03-19T10:00:00Z, 0",
            "POTENTIAL, QUALIFIED, 1,  2027-09-21T10:00:00Z, 0",
            "KEY,       PREFERRED, 12, 2026-10-21T10:00:00Z, 0",
            "GENERAL,   PREFERRED, 12, 2026-10-21T10:00:00Z, 0",
            "POTENTIAL, PREFERRED, 12, 2026-10-21T10:00:00Z, 0",
            "KEY,       VIP,       12, 2026-10-21T10:00:00Z, 1",
            "GENERAL,   VIP,       12, 2026-10-21T10:00:00Z, 1",
            "POTENTIAL, VIP,       12, 2026-10-21T10:00:00Z, 1" })
    void cadencePlansForEveryCategoryAndGrade_VI1_VI2(Category category, Grade grade, int regular, String firstDue,
            int senior) {
        CustomerView customer = knownCustomer(unique("d-gen"), "sales-1", category, grade, "华东");
        plans.generate(customer);
        List<Document> regularPlans = track(customer.getId(), "REGULAR");
        assertThat(regularPlans).hasSize(regular);
        assertThat(regularPlans.get(0).getDate("dueBy").toInstant()).isEqualTo(Instant.parse(firstDue));
        assertThat(regularPlans).allSatisfy(p -> assertThat(p.getInteger("priority")).isEqualTo(grade.priority()));
        assertThat(track(customer.getId(), "SENIOR_MANAGEMENT")).hasSize(senior);
    }

    @Test
    void anOutOfTownPotentialPartnerIsVisitedHalfYearly_VI1() {
        CustomerView customer = knownCustomer(unique("d-gen"), "sales-1", Category.POTENTIAL, Grade.QUALIFIED, "西南");
        plans.generate(customer);
        assertThat(track(customer.getId(), "REGULAR")).hasSize(2)
                .allSatisfy(p -> assertThat(p.getString("purpose")).contains("out-of-town"));
    }

    @Test
    void thePlanPassKeepsTheAnnualPlanRollingAndMakesNothingTwice_VI2() {
        CustomerView customer = knownCustomer(unique("d-gen"), "sales-1", Category.KEY, Grade.QUALIFIED, "华东");
        plans.generate(customer);
        assertThat(openPlansOf(customer.getId())).hasSize(4);
        assertThat(job.runOnce().ran()).isTrue();
        assertThat(openPlansOf(customer.getId())).hasSize(4);
        // three months later the horizon has moved one quarter on: one more plan, none repeated
        clock.set("2026-12-22T02:00:00Z");
        job.runOnce();
        List<Document> open = openPlansOf(customer.getId());
        assertThat(open).hasSize(5);
        assertThat(open.get(4).getDate("dueBy").toInstant()).isEqualTo(Instant.parse("2027-12-21T10:00:00Z"));
    }
}
