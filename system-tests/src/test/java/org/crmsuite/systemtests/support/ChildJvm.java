package org.crmsuite.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.crmsuite.launcher.ClassDataSharing;

/**
 * One module of the suite running from its runnable jar ({@code <repo>/<module>/target/<module>-<version>-exec.jar})
 * as a child JVM with a small heap, listening on {@code 127.0.0.1:<port>}. Its output goes to a file under the
 * system-tests module's {@code target/child-jvms/}; a failed start prints the tail of that file.
 *
 * <p>Every child is also destroyed by a shutdown hook, so an aborted test run leaves no JVM behind.
 */
public final class ChildJvm implements AutoCloseable {

    /** Small heaps: several JVMs share a 2-core machine with the build (VERSIONS.md). */
    public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx160m", "-Xss512k",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=48m", "-XX:TieredStopAtLevel=1",
            "-Djava.net.preferIPv4Stack=true");

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "child-jvm-reaper"));
    }

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ChildJvm(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** A child running {@code module}'s runnable jar; {@link Starter#start()} launches it. */
    public static Starter module(String module) {
        return new Starter(module);
    }

    /** The repository root (system property {@code crm.repo.root}, set by the build). */
    public static Path repoRoot() {
        return Path.of(System.getProperty("crm.repo.root", "..")).toAbsolutePath().normalize();
    }

    public static Path execJar(String module) {
        String version = System.getProperty("crm.version", "0.1.0-SNAPSHOT");
        return repoRoot().resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until this child is ready; see {@link #awaitReady(List, Duration)}. */
    public ChildJvm awaitReady(Duration timeout) {
        awaitReady(List.of(this), timeout);
        return this;
    }

    /**
     * Waits until every child's {@code /actuator/health/readiness} answers 200. Fails as soon as any child exits,
     * and after {@code timeout}, with the tail of that child's output.
     */
    public static void awaitReady(List<ChildJvm> children, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ChildJvm> starting = new ArrayList<>(children);
        while (!starting.isEmpty()) {
            for (ChildJvm child : List.copyOf(starting)) {
                if (!child.process.isAlive()) {
                    throw child.startFailure("exited with code " + child.process.exitValue() + " before it was ready");
                }
                if (child.isReady()) {
                    starting.remove(child);
                }
            }
            if (starting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw starting.get(0).startFailure("was not ready within " + timeout.toSeconds() + " s");
            }
            pause(Duration.ofMillis(500));
        }
    }

    private boolean isReady() {
        HttpRequest ready = HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(3)).build();
        try {
            return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks the child to shut down (SIGTERM: graceful, it deregisters from Eureka); forces it after {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            RUNNING.remove(process);
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    /** The last {@code lines} lines of the child's output. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output readable from " + log + ": " + e + ")";
        }
    }

    private IllegalStateException startFailure(String what) {
        String message = name + " " + what + "; last lines of " + log + ":" + System.lineSeparator() + tail(60);
        System.err.println(message);
        return new IllegalStateException(message);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What to start: the module, its port and its environment. */
    public static final class Starter {

        private final String module;
        private final Map<String, String> env = new LinkedHashMap<>();
        private int port;

        private Starter(String module) {
            this.module = module;
        }

        /** The port the child listens on ({@code SERVER_PORT}), bound to {@code 127.0.0.1} only. */
        public Starter port(int port) {
            this.port = port;
            return this;
        }

        public Starter env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public ChildJvm start() {
            if (port == 0) {
                throw new IllegalStateException("choose a port for " + module);
            }
            Path jar = execJar(module);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no runnable jar " + jar + ": build the module first (mvn -pl " + module
                        + " package)");
            }
            Path log = repoRoot().resolve("system-tests").resolve("target").resolve("child-jvms")
                    .resolve(module + "-" + port + ".log");
            // from the class-data archive a launcher run wrote for this jar, when there is one: half the start-up CPU
            Optional<ClassDataSharing.Start> cds = ClassDataSharing.archived(jar);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_FLAGS);
            cds.ifPresent(start -> command.addAll(start.jvmOptions()));
            command.add("-jar");
            command.add(cds.map(ClassDataSharing.Start::jar).orElse(jar).toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
            builder.environment().putAll(env);
            try {
                Files.createDirectories(log.getParent());
                Process process = builder.start();
                RUNNING.add(process);
                return new ChildJvm(module, port, log, process);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + module, e);
            }
        }
    }
}
