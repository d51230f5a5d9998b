package org.crmsuite.visit.due;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;
import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.visit.records.Mode;
import org.crmsuite.visit.records.VisitRecord;
import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.visit.plans.Plans;
import org.crmsuite.testsupport.Api;
import org.crmsuite.visit.support.ServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * VI-7: visits due soon and overdue are told once each, also with two instances running the pass at the same time, and
 * each account manager and department sees them in CU-9 order (VIP first).
 */
class DueSchedulerTest extends ServiceTestBase {

    @Autowired
    Plans plans;
    @Autowired
    DueScheduler scheduler;
    @Autowired
    AggregateStore store;

    String department;
    String vipPlan;
    String qualifiedPlan;

    @BeforeEach
    void plansDueAndOverdue() {
        department = unique("d-due");
        CustomerView vip = knownCustomer(department, "sales-1", Category.GENERAL, Grade.VIP, "华东");
        customers.visited(vip.getId(), Instant.parse("2026-08-22T02:00:00Z"));
        plans.generate(customers.find(vip.getId()).orElseThrow());
        CustomerView qualified = knownCustomer(department, "sales-2", Category.GENERAL, Grade.QUALIFIED, "华东");
        customers.visited(qualified.getId(), Instant.parse("2026-03-01T02:00:00Z"));
        plans.generate(customers.find(qualified.getId()).orElseThrow());
        vipPlan = openPlansOf(vip.getId()).get(0).getString("_id");
        qualifiedPlan = openPlansOf(qualified.getId()).get(0).getString("_id");
    }

    long count(String planId, String type) {
        return events("visit_plans", planId).stream().filter(e -> e.getString("type").equals(type)).count();
    }

    @Test
    void twoInstancesTellEachDueAndOverdueVisitOnce_VI7() throws Exception {
        // VIP monthly from 22 Aug: due Tuesday 22 Sep 18:00, within the 3 business days; qualified half-yearly from 1 Mar: overdue
        assertThat(mongo.findById(vipPlan, Document.class, "visit_plans").getDate("dueBy").toInstant())
                .isEqualTo(Instant.parse("2026-09-22T10:00:00Z"));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<DueScheduler.Pass>> passes = List.of(
                    CompletableFuture.supplyAsync(scheduler::runOnce, two), CompletableFuture.supplyAsync(scheduler::runOnce, two));
            for (CompletableFuture<DueScheduler.Pass> pass : passes) {
                pass.get();
            }
        } finally {
            two.shutdown();
        }
        scheduler.runOnce();

        assertThat(count(vipPlan, "crm.visit.plan-due.v1")).isEqualTo(1);
        assertThat(count(vipPlan, "crm.visit.plan-overdue.v1")).isZero();
        assertThat(count(qualifiedPlan, "crm.visit.plan-overdue.v1")).isEqualTo(1);
        Document overdue = events("visit_plans", qualifiedPlan).stream()
                .filter(e -> e.getString("type").equals("crm.visit.plan-overdue.v1")).findFirst().orElseThrow();
        assertThat(overdue.getString("routingKey")).isEqualTo("visit.plan.overdue");
        assertThat(overdue.get("data", Document.class)).containsEntry("ownerId", "sales-2")
                .containsEntry("departmentId", department).containsEntry("daysOverdue", 20L);

        // the VIP visit is not made by its deadline: now it is overdue, told once
        clock.set("2026-09-23T02:00:00Z");
        scheduler.runOnce();
        scheduler.runOnce();
        assertThat(count(vipPlan, "crm.visit.plan-overdue.v1")).isEqualTo(1);
        assertThat(count(vipPlan, "crm.visit.plan-due.v1")).isEqualTo(1);
    }

    @Test
    void aPlanWhoseRecordWasFiledIsNeverReportedOverdue_VI7() {
        Api.Response filed = api.post("/api/v1/visits", sales("sales-2", department), java.util.Map.of("customerId",
                mongo.findById(qualifiedPlan, Document.class, "visit_plans").getString("customerId"), "planId", qualifiedPlan,
                "mode", "PHONE", "visitedAt", "2026-09-21T01:00:00Z", "content", "Caught up by phone"));
        assertThat(filed.status()).isEqualTo(201);
        scheduler.runOnce();
        assertThat(count(qualifiedPlan, "crm.visit.plan-overdue.v1")).isZero();
    }

    @Test
    void aRecordWhosePlanCompletionWasLostCompletesThePlanInsteadOfAnOverdueNotice_VI3_VI7() {
        // an instance stopped after saving the record and before completing its plan
        Document plan = mongo.findById(qualifiedPlan, Document.class, "visit_plans");
        VisitRecord record = VisitRecord.file(new VisitRecord.Draft(plan.getString("customerId"), null, department, "sales-2",
                "sales-2", qualifiedPlan, Mode.PHONE, Instant.parse("2026-09-21T01:00:00Z"), null, List.of(), "call", null,
                List.of(), List.of(), null, null));
        store.save(record);
        assertThat(scheduler.runOnce().healed()).isGreaterThanOrEqualTo(1);
        Document healed = mongo.findById(qualifiedPlan, Document.class, "visit_plans");
        assertThat(healed.getString("status")).isEqualTo("COMPLETED");
        assertThat(healed.getString("recordId")).isEqualTo(record.getId());
        assertThat(count(qualifiedPlan, "crm.visit.plan-overdue.v1")).isZero();
    }

    @Test
    void eachManagerAndDepartmentSeesOverdueAndDueSoonVipFirst_VI7_CU9() {
        clock.set("2026-09-23T02:00:00Z");
        Api.Response board = api.get("/api/v1/visit-plans/due", manager("manager-1", department));
        assertThat(board.status()).isEqualTo(200);
        List<String> overdue = ids(board.body().path("overdue"));
        assertThat(overdue).containsExactly(vipPlan, qualifiedPlan);

        Api.Response own = api.get("/api/v1/visit-plans/due", sales("sales-2", department));
        assertThat(ids(own.body().path("overdue"))).containsExactly(qualifiedPlan);
        assertThat(api.get("/api/v1/visit-plans/due?ownerId=sales-1", sales("sales-2", department)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/visit-plans/due?departmentId=" + department, manager("manager-9", "d-other")).status())
                .isEqualTo(403);

        Api.Response summary = api.get("/api/v1/visit-plans/due/summary?departmentId=" + department, director());
        assertThat(summary.body().path("overdue").asLong()).isEqualTo(2);
        assertThat(summary.body().path("owners")).extracting(o -> o.path("ownerId").asString() + "=" + o.path("overdue").asLong())
                .containsExactly("sales-1=1", "sales-2=1");
    }

    static List<String> ids(JsonNode plans) {
        return plans.valueStream().map(p -> p.path("id").asString()).toList();
    }
}
