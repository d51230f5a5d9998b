package org.crmsuite.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crmsuite.launcher.bench.SuiteBenchmark.Options;
import org.crmsuite.launcher.bench.SuiteBenchmark.Outcome;
import org.crmsuite.launcher.bench.Wrk.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's smoke run (issue 10): the real command's code path — the whole suite from the launcher, staff
 * logged in through identity, every wrk step a second or two, a second customer-service instance — so the
 * benchmark keeps working as the suite changes. Its figures mean nothing on a shared CI machine; what is checked is
 * that every step ran, every request of every step succeeded, and the table lands in the docs section.
 */
class SuiteBenchmarkSmokeTest {

    @TempDir
    Path dir;

    @Test
    void everyBenchmarkStepRunsAgainstTheRealSuiteWithoutFailedRequests() throws Exception {
        assertThat(Wrk.installed()).as("wrk is installed (run-tests.sh installs Debian's package)").isTrue();
        Path docs = dir.resolve("benchmarks.md");
        Files.writeString(docs, "# Benchmarks\n\n" + SuiteBenchmark.START_MARKER + "\nold figures\n"
                + SuiteBenchmark.END_MARKER + "\n\nkept\n");
        Options smoke = Options.parse(new String[] { "--smoke", "--docs", docs.toString() });
        Path home = Path.of(System.getProperty("crm.repo.root", "..")).toAbsolutePath().normalize();
        smoke = new Options(true, smoke.duration(), smoke.warmUp(), smoke.mixConnections(), docs, home);

        Outcome outcome = SuiteBenchmark.run(smoke, false);

        List<Result> steps = new ArrayList<>(List.of(outcome.direct(), outcome.viaGateway(), outcome.intake(),
                outcome.oneInstance(), outcome.twoInstances()));
        steps.addAll(outcome.mix());
        assertThat(outcome.mix()).hasSize(smoke.mixConnections().size());
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.requests()).as("%s sent requests", step.label()).isPositive();
            assertThat(step.errors()).as("%s: failed requests (non-2xx or socket errors)%n%s", step.label(), step.raw())
                    .isZero();
            assertThat(step.p99Ms()).as("%s has a p99", step.label()).isPositive();
        });
        assertThat(outcome.mixEvents()).as("complaints filed by the mix reached the partner's webhook")
                .anySatisfy(events -> assertThat(events.events()).isPositive());
        assertThat(outcome.twoInstances().jvmCpuCores()).as("the second instance took load")
                .containsKey("customer-service #2");
        assertThat(outcome.coldStartSeconds()).isPositive();
        assertThat(outcome.classDataSharing()).as("the launcher's CDS line").contains("JVMs from class-data archives");
        assertThat(outcome.residentKb()).containsKeys("gateway", "customer-service", "identity");

        SuiteBenchmark.Report.writeInto(docs, SuiteBenchmark.Report.markdown(smoke, outcome));
        String written = Files.readString(docs);
        assertThat(written).doesNotContain("old figures").contains("| ping, via gateway | 8 |")
                .contains("| search, 2 instances |").contains("**Event latency**").contains("**Footprint:**")
                .endsWith("kept\n");
    }
}
