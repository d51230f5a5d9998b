package org.crmsuite.visit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.visit.calendar.VisitCalendar;
import org.crmsuite.visit.plans.Plans;
import org.crmsuite.visit.policy.Policies;
import org.crmsuite.testsupport.Api;
import org.crmsuite.visit.support.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The local profile's demo data: customer-service's demo customers with visits, scored reports, surveys and plans, so
 * that the east sales office has overdue and due-soon visits at once; written once however often it runs.
 */
class DemoDataTest extends ServiceTestBase {

    @Autowired
    Plans plans;
    @Autowired
    Policies policies;
    @Autowired
    AggregateStore store;
    @Autowired
    VisitCalendar calendar;

    @Test
    void theDemoOfficeHasDueAndOverdueVisitsScoredReportsAndSurveys() {
        DemoData demo = new DemoData(customers, plans, policies, store, mongo, calendar);
        demo.run(null);
        demo.run(null); // a restart, or a second instance

        assertThat(mongo.count(Query.query(Criteria.where("_id").regex("^demo-customer-")), "customer_views")).isEqualTo(30);
        assertThat(mongo.count(Query.query(Criteria.where("_id").regex("^demo-record-")), "visit_records")).isEqualTo(58);
        assertThat(plansOf("demo-customer-13")).isEmpty(); // blacklisted (CU-7)

        Api.Response board = api.get("/api/v1/visit-plans/due?departmentId=dept-east-sales", director());
        assertThat(board.body().path("overdue").size()).as(board.raw()).isGreaterThanOrEqualTo(3);
        assertThat(board.body().path("dueSoon").size()).isGreaterThanOrEqualTo(3);
        assertThat(board.body().path("overdue").get(0).path("priority").asInt()).isEqualTo(1);

        Api.Response mine = api.get("/api/v1/visit-plans/due", sales("demo-sales-1", "dept-east-sales"));
        assertThat(mine.body().path("overdue").size() + mine.body().path("dueSoon").size()).isPositive();

        Api.Response scores = api.get("/api/v1/visits/reports/managers/demo-sales-1", sales("demo-sales-1", "dept-east-sales"));
        assertThat(scores.body().path("averages").path("reports").asInt()).isPositive();
        assertThat(scores.body().path("trend").size()).isGreaterThanOrEqualTo(2);

        Api.Response report = api.get("/api/v1/surveys/improvement-report?year=2025&departmentId=dept-east-sales", director());
        assertThat(report.body().path("answered").asInt()).isEqualTo(12);
        assertThat(report.body().path("lowestAreas").get(0).asString()).isEqualTo("price");
    }
}
