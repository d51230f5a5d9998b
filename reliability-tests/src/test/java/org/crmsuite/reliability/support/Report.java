package org.crmsuite.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one scenario run, written to {@code reliability-tests/target/reliability/<scenario>.md} and as one
 * row of {@code target/reliability/summary.md} (the table of docs/reliability.md).
 */
public final class Report {

    private final String scenario;
    private String load = "";
    private String fault = "";
    private long sent;
    private long succeeded;
    private long failed;
    private long lost;
    private long duplicates;
    private String recovery = "-";
    private final List<String> notes = new ArrayList<>();

    /** Starts this run's {@code summary.md} afresh (the suite calls it once at boot). */
    static void startRun() {
        try {
            Files.deleteIfExists(Node.repoRoot().resolve("reliability-tests").resolve("target").resolve("reliability")
                    .resolve("summary.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Report(String scenario) {
        this.scenario = scenario;
    }

    public Report load(String text) {
        this.load = text;
        return this;
    }

    public Report fault(String text) {
        this.fault = text;
        return this;
    }

    public Report counts(long sent, long succeeded, long failed, long lost, long duplicates) {
        this.sent = sent;
        this.succeeded = succeeded;
        this.failed = failed;
        this.lost = lost;
        this.duplicates = duplicates;
        return this;
    }

    public Report recovery(Duration duration) {
        this.recovery = String.format("%.1f s", duration.toMillis() / 1000.0);
        return this;
    }

    public Report recovery(String text) {
        this.recovery = text;
        return this;
    }

    public Report note(String text) {
        notes.add(text);
        return this;
    }

    /** Writes the scenario's file and its summary row; also prints them to the test output. */
    public void write() {
        String row = "| " + scenario + " | " + load + " | " + fault + " | " + sent + " | " + succeeded + " | " + failed + " | "
                + lost + " | " + duplicates + " | " + recovery + " |";
        StringBuilder text = new StringBuilder("# " + scenario + "\n\nrun at " + Instant.now() + "\n\n")
                .append("| scenario | load | fault | requests sent | succeeded | failed | lost | duplicates | recovery time |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n").append(row).append("\n\n");
        notes.forEach(note -> text.append("- ").append(note).append('\n'));
        Path dir = Node.repoRoot().resolve("reliability-tests").resolve("target").resolve("reliability");
        String file = scenario.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file + ".md"), text, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("summary.md"), row + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(text);
    }
}
