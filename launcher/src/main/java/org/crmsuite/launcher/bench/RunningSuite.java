package org.crmsuite.launcher.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole suite, started the way a newcomer starts it: the launcher's main in its own JVM (random ports, a fresh
 * data folder), read from its console output — the UP line of each module (port, pid), where MongoDB and the broker
 * are, and the "is up" line with the time from the first command to all healthy. Public for the console's browser
 * tests (launcher tests, package {@code console}), which run against the same suite.
 */
public final class RunningSuite implements AutoCloseable {

    private static final Pattern UP_LINE = Pattern.compile("CRM suite is up: http://localhost:(\\d+)\\s+\\(all (\\d+) healthy in ([0-9.]+) s\\)");
    private static final Pattern MODULE_LINE = Pattern.compile(
            "^\\[\\s*\\d+/\\d+\\] (\\S+)\\s+UP\\s+http://localhost:(\\d+)\\s.*pid (\\d+)$");
    private static final Pattern MONGO_LINE = Pattern.compile("^MongoDB\\s+(mongodb://\\S+)");
    private static final Pattern AMQP_LINE = Pattern.compile("^AMQP\\s+([^\\s:]+):(\\d+)");

    /** A module's JVM as the launcher reported it. */
    public record Member(String name, int port, long pid) {
    }

    /** The launcher's own flags, as run-suite.sh gives them (CRM_LAUNCHER_JVM_OPTS overrides both). */
    static final String LAUNCHER_JVM_DEFAULT = "-XX:+UseSerialGC -Xmx384m -Xss512k";

    private final Process launcher;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final long startedNanos = System.nanoTime();
    private final boolean echo;

    private RunningSuite(Process launcher, boolean echo) {
        this.launcher = launcher;
        this.echo = echo;
        Thread reader = new Thread(this::read, "suite-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the launcher with {@code java -cp <this class path>}, so it runs the same build as the benchmark. */
    public static RunningSuite start(Path home, Path dataDir, Map<String, String> extraEnv, boolean echo) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(List.of(System.getenv().getOrDefault("CRM_LAUNCHER_JVM_OPTS", LAUNCHER_JVM_DEFAULT).trim().split("\\s+")));
        command.addAll(List.of("-cp", launcherClassPath(), "org.crmsuite.launcher.Launcher", "--random-ports"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CRM_HOME", home.toString());
        builder.environment().put("CRM_DATA_DIR", dataDir.toString());
        builder.environment().putAll(extraEnv);
        return new RunningSuite(builder.start(), echo);
    }

    /** This JVM's class path, or the one the build wrote down (tests run under Surefire's booter jar). */
    private static String launcherClassPath() throws IOException {
        String classes = System.getProperty("crm.launcher.classes");
        String dependencies = System.getProperty("crm.launcher.classpath");
        if (classes != null && dependencies != null) {
            return classes + java.io.File.pathSeparator + java.nio.file.Files.readString(Path.of(dependencies)).trim();
        }
        return System.getProperty("java.class.path");
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (echo) {
                    System.out.println("  [suite] " + line);
                }
            }
        } catch (IOException closed) {
            // the launcher is gone
        }
    }

    /** Waits for the "is up" line; returns the launcher's own figure: seconds from its start to all healthy. */
    public double awaitUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                Matcher up = UP_LINE.matcher(line);
                if (up.find()) {
                    return Double.parseDouble(up.group(3));
                }
                if (line.startsWith("FAILED")) {
                    throw new IllegalStateException("the launcher failed:\n" + String.join("\n", output));
                }
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the launcher exited with " + launcher.exitValue() + ":\n"
                        + String.join("\n", output));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the suite was not up within " + timeout + ":\n" + String.join("\n", output));
    }

    /** Seconds from starting the launcher process to its "is up" line, as the benchmark saw it. */
    public double secondsSinceStart() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    Map<String, Member> members() {
        Map<String, Member> members = new LinkedHashMap<>();
        for (String line : output) {
            Matcher module = MODULE_LINE.matcher(line);
            if (module.find()) {
                members.put(module.group(1), new Member(module.group(1), Integer.parseInt(module.group(2)),
                        Long.parseLong(module.group(3))));
            }
        }
        return members;
    }

    public Member member(String name) {
        return Optional.ofNullable(members().get(name))
                .orElseThrow(() -> new IllegalStateException("no UP line for " + name + " in:\n" + String.join("\n", output)));
    }

    String mongoUri() {
        return firstMatch(MONGO_LINE).group(1);
    }

    String amqpHost() {
        return firstMatch(AMQP_LINE).group(1);
    }

    int amqpPort() {
        return Integer.parseInt(firstMatch(AMQP_LINE).group(2));
    }

    private Matcher firstMatch(Pattern pattern) {
        for (String line : output) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new IllegalStateException("no line matching " + pattern + " in:\n" + String.join("\n", output));
    }

    java.util.Optional<Long> launcherPid() {
        return launcher.isAlive() ? java.util.Optional.of(launcher.pid()) : java.util.Optional.empty();
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    @Override
    public void close() throws InterruptedException {
        List<Member> started = List.copyOf(members().values());
        if (launcher.isAlive()) {
            launcher.toHandle().destroy(); // SIGTERM: the launcher stops its JVMs in order
            if (!launcher.waitFor(150, TimeUnit.SECONDS)) { // a first run writes the class-data archives as it stops
                launcher.destroyForcibly();
            }
        }
        for (Member member : started) {
            ProcessHandle.of(member.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
