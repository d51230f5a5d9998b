package org.crmsuite.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.crmsuite.reliability.support.Http;
import org.crmsuite.reliability.support.Report;
import org.crmsuite.reliability.support.Suite;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3 (issue 9): customer-service (both instances) stops while complaints are filed and deposits are taken
 * through the gateway. Every complaint is accepted as "customer unverified" and complaint-service's
 * CustomerVerificationJob verifies it after customer-service returns; every deposit is refused with 503
 * {@code sales.customer-status-unavailable} with nothing written (SA-9 fails closed) and succeeds when retried after
 * customer-service returns.
 */
@Order(6)
class DependencyDownTest {

    private static final int COMPLAINTS = 20;
    private static final int DEPOSITS = 4;
    private static final String PROJECT = "proj-east-bund"; // sales-service's demo office sells it (dept-east-sales)

    private final Suite suite = Suite.get();

    @Test
    void complaintsAreAcceptedUnverifiedAndVerifiedLaterDepositsFailClosedAndSucceedLater() {
        suite.ensureRunning(suite.customerA, suite.complaintA, suite.complaintB, suite.sales);
        String admin = suite.issuer.bearer("rel-admin", "dept-company", "ADMIN");
        String manager = suite.issuer.bearer("rel-manager-" + suite.runId, "dept-east-sales", "MANAGER");
        String agent = suite.issuer.bearer("rel-agent", "dept-customer-service", "AGENT");
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Http.Answer customer = Http.post(suite.customerA.uri("/api/v1/customers"), manager,
                Fixtures.customer("Dependency " + run, "DEP" + run + "00", "dept-east-sales"));
        assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
        String customerId = customer.json().path("id").asString();
        List<String> units = new ArrayList<>();
        for (int i = 0; i <= DEPOSITS; i++) {
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("projectId", PROJECT);
            unit.put("building", "R" + run);
            unit.put("unitNumber", "U" + i);
            unit.put("area", 98.5);
            unit.put("price", 1200000);
            Http.Answer created = Http.post(suite.sales.uri("/api/v1/units"), admin, Http.write(unit));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            units.add(created.json().path("id").asString());
        }
        // the path works while customer-service is up
        Http.Answer baseline = deposit(manager, units.get(0), customerId, "dep-" + run + "-0");
        assertThat(baseline.status()).as(baseline.toString()).isEqualTo(201);

        suite.customerA.stop();
        suite.customerB.stop();
        Instant down = Instant.now();
        int sent = 0;
        int accepted = 0;
        int unverifiedAtIntake = 0;
        for (int i = 0; i < COMPLAINTS; i++) {
            sent++;
            Http.Answer filed = Http.post(suite.viaGateway("/api/v1/complaints"), agent,
                    Fixtures.complaint(customerId, "dependency-down " + run + " #" + i, null), "Idempotency-Key", run + "-c" + i);
            assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
            accepted++;
            if ("UNVERIFIED".equals(filed.json().path("customerVerification").asString())) {
                unverifiedAtIntake++;
            }
        }
        List<Http.Answer> refused = new ArrayList<>();
        for (int i = 1; i <= DEPOSITS; i++) {
            sent++;
            refused.add(deposit(manager, units.get(i), customerId, "dep-" + run + "-" + i));
        }
        long depositsWhileDown = suite.count("crm_sales", "deposits", new Document("unitId", new Document("$in",
                units.subList(1, units.size()))));
        long unitsLocked = suite.count("crm_sales", "units", new Document("_id", new Document("$in",
                units.subList(1, units.size()))).append("status", new Document("$ne", "AVAILABLE")));

        suite.ensureRunning(suite.customerA, suite.customerB);
        Instant back = Instant.now();
        Document ours = new Document("content", new Document("$regex", "^dependency-down " + run + " "));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                suite.count("crm_complaint", "complaints", new Document(ours).append("customerVerification", "VERIFIED"))
                        == COMPLAINTS);
        Duration verifiedAfter = Duration.between(back, Instant.now());
        int[] retries = { 0 };
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            boolean all = true;
            for (int i = 1; i <= DEPOSITS; i++) {
                if (suite.count("crm_sales", "deposits", new Document("unitId", units.get(i))) == 0) {
                    retries[0]++;
                    Http.Answer retry = deposit(manager, units.get(i), customerId, "dep-" + run + "-" + i);
                    all &= retry.status() == 201;
                }
            }
            return all;
        });
        Duration depositsAfter = Duration.between(back, Instant.now());
        long stored = suite.count("crm_complaint", "complaints", ours);
        long depositsStored = suite.count("crm_sales", "deposits", new Document("unitId", new Document("$in", units)));

        new Report("3 dependency down").load(COMPLAINTS + " complaints + " + DEPOSITS + " deposits through the gateway while "
                + "customer-service is stopped").fault("both customer-service instances stopped (SIGTERM), then started again")
                .counts(sent + retries[0], accepted + DEPOSITS, refused.size(), COMPLAINTS - stored + (DEPOSITS + 1 - Math.min(
                        DEPOSITS + 1, depositsStored)), Math.max(0, stored - COMPLAINTS) + Math.max(0, depositsStored - DEPOSITS - 1))
                .recovery(verifiedAfter)
                .note("complaints: " + accepted + " accepted (201) during the outage, " + unverifiedAtIntake + " of them as "
                        + "UNVERIFIED; all verified " + verifiedAfter.toSeconds() + " s after customer-service was ready again "
                        + "(verification job every 3 s in this run, 60 s by default)")
                .note("deposits during the outage: " + refused.stream().map(a -> a.status() + " "
                        + a.json().path("code").asString()).toList() + "; deposits stored meanwhile: " + depositsWhileDown
                        + ", units locked meanwhile: " + unitsLocked)
                .note("deposits retried with their Idempotency-Key: all taken " + depositsAfter.toSeconds() + " s after "
                        + "customer-service was back (" + retries[0] + " retries; breaker half-open after 5 s in this run, "
                        + "30 s by default); customer-service was down for " + Duration.between(down, back).toSeconds() + " s")
                .write();

        assertThat(unverifiedAtIntake).as("accepted as customer unverified").isEqualTo(COMPLAINTS);
        assertThat(refused).allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isEqualTo(503);
            assertThat(a.header("Content-Type")).startsWith("application/problem+json");
            assertThat(a.json().path("code").asString()).isEqualTo("sales.customer-status-unavailable");
        });
        assertThat(depositsWhileDown).as("nothing written while refusing").isZero();
        assertThat(unitsLocked).as("no unit locked by a refused deposit").isZero();
        assertThat(stored).as("every complaint stored once").isEqualTo(COMPLAINTS);
        assertThat(depositsStored).as("one deposit per unit").isEqualTo(DEPOSITS + 1);
    }

    private Http.Answer deposit(String manager, String unitId, String customerId, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unitId);
        body.put("customerId", customerId);
        body.put("buyerName", "Buyer " + key);
        body.put("stage", "SMALL_DEPOSIT");
        body.put("amount", 20000);
        body.put("repId", "demo-sales-1");
        return Http.post(suite.viaGateway("/api/v1/deposits"), manager, Http.write(body), "Idempotency-Key", key);
    }
}
