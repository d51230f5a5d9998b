package org.crmsuite.complaint.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.crmsuite.complaint.ComplaintSettings;
import org.crmsuite.complaint.cases.Cases;
import org.crmsuite.platform.jobs.WorkClaims;
import org.crmsuite.complaint.support.ServiceTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The SLA clock with two instances against one database (the application's scheduler bean and a second one, on two
 * threads at once): each warning (NO-2, 75 %), breach (CO-3, CO-5) and overdue progress contact (CO-6) is raised once.
 * Cases filed Monday 12 Oct 2026 10:00 Shanghai: acknowledge due 11:00 (warning 10:45).
 */
class SlaSchedulerTest extends ServiceTestBase {

    static final String WARNING = "crm.complaint.sla-warning.v1";
    static final String BREACHED = "crm.complaint.sla-breached.v1";
    static final String PROGRESS_OVERDUE = "crm.complaint.progress-overdue.v1";

    @Autowired
    SlaScheduler instanceOne;
    @Autowired
    Cases cases;
    @Autowired
    WorkClaims claims;
    @Autowired
    ComplaintSettings settings;

    SlaScheduler instanceTwo;
    ExecutorService threads;
    final String department = uniqueDepartment();
    final String agent = agent("staff-agent-1", department);

    @BeforeEach
    void secondInstance() {
        instanceTwo = new SlaScheduler(cases, claims, settings);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    @DisplayName("NO-2/CO-3/CO-5/CO-6: two scheduler instances raise each warning, breach and overdue contact once")
    void twoInstancesRaiseEachWarningAndBreachOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(file(complaint("qual-sla-" + i, "L1", department), agent).text("id"));
        }

        clock.set(Instant.parse("2026-10-12T02:50:00Z")); // 10:50, past the acknowledge warning at 10:45
        runBothAtOnce();
        runBothAtOnce(); // a later pass finds nothing new
        for (String id : ids) {
            assertThat(count(id, WARNING)).as("warnings of %s", id).isEqualTo(1);
            assertThat(count(id, BREACHED)).isZero();
            Document warning = event(id, WARNING);
            assertThat(warning.get("data", Document.class)).containsEntry("deadline", "ACKNOWLEDGE").containsEntry("percentElapsed", 83)
                    .containsEntry("departmentId", department);
            assertThat(claimed(id + ":ACKNOWLEDGE:1:WARNING")).containsEntry("done", true);
        }

        clock.set(Instant.parse("2026-10-12T03:05:00Z")); // 11:05, the acknowledge deadline has passed
        runBothAtOnce();
        for (String id : ids) {
            assertThat(count(id, BREACHED)).isEqualTo(1);
            assertThat(event(id, BREACHED).get("data", Document.class)).containsEntry("deadline", "ACKNOWLEDGE");
        }

        clock.set(Instant.parse("2026-10-19T02:05:00Z")); // a week later without a customer contact (L1: 7 days)
        runBothAtOnce();
        runBothAtOnce();
        for (String id : ids) {
            assertThat(count(id, PROGRESS_OVERDUE)).isEqualTo(1);
            assertThat(count(id, WARNING)).as("acknowledge + accept + resolve warnings").isEqualTo(1);
            assertThat(count(id, BREACHED)).as("acknowledge + accept + resolve breaches").isEqualTo(3);
            assertThat(api.get("/api/v1/complaints/" + id, agent).body().path("progressOverdue").asBoolean()).isTrue();
        }
    }

    @Test
    void aWarningIsNotRaisedAgainWhenAClaimWasLost() {
        String id = file(complaint("qual-sla-lost", "L1", department), agent).text("id");
        clock.set(Instant.parse("2026-10-12T02:50:00Z"));
        instanceOne.runOnce();
        mongo.remove(Query.query(Criteria.where("_id").regex("^" + id)), "job_claims"); // as if the claim expired
        instanceTwo.runOnce();
        assertThat(count(id, WARNING)).isEqualTo(1); // the case itself records that its warning was raised
    }

    @Test
    void recordingACustomerContactClearsTheOverdueFlagAndSetsTheNextDueDate() {
        String id = file(complaint("qual-sla-contact", "L2", department), manager("staff-manager-1", department)).text("id");
        String manager = manager("staff-manager-1", department);
        clock.set(Instant.parse("2026-10-17T02:05:00Z")); // L2: a contact every 5 days
        instanceOne.runOnce();
        assertThat(count(id, PROGRESS_OVERDUE)).isEqualTo(1);

        var contacted = api.post("/api/v1/complaints/" + id + "/contacts", manager,
                Map.of("channel", "PHONE", "summary", "explained the lab test schedule"));
        assertThat(contacted.body().path("progressOverdue").asBoolean()).isFalse();
        assertThat(contacted.body().path("progressContactDueAt").asString()).isEqualTo("2026-10-22T02:05:00Z");
    }

    @Test
    void noWarningWhileTheClockIsPausedForTheCustomer() {
        String id = file(complaint("qual-sla-paused", "L1", department), agent).text("id");
        api.post("/api/v1/complaints/" + id + "/waiting", agent, Map.of("waiting", true, "note", "waiting for photos"));
        clock.set(Instant.parse("2026-10-12T05:00:00Z")); // 13:00: the acknowledge deadline would have passed
        instanceOne.runOnce();
        assertThat(count(id, WARNING) + count(id, BREACHED)).isZero();
    }

    void runBothAtOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (SlaScheduler instance : List.of(instanceOne, instanceTwo)) {
            runs.add(threads.submit(() -> {
                start.await();
                int raised = 0;
                for (int pass = 0; pass < 10; pass++) {
                    int now = instance.runOnce();
                    raised += now;
                    if (now == 0) {
                        break;
                    }
                }
                return raised;
            }));
        }
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
    }

    long count(String id, String type) {
        return caseEvents(id).stream().filter(type::equals).count();
    }

    Document event(String id, String type) {
        return events("complaints", id).stream().filter(e -> type.equals(e.getString("type"))).findFirst().orElseThrow();
    }

    Document claimed(String key) {
        return mongo.findById(key, Document.class, "job_claims");
    }
}
