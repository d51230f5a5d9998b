package org.crmsuite.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * One instance of a module of the suite: its runnable jar ({@code <repo>/<module>/target/<module>-<version>-exec.jar})
 * as a child JVM with a small heap on {@code 127.0.0.1:<port>}. Unlike system-tests' child JVMs, a node can be
 * killed ({@link #kill()}, SIGKILL), stopped ({@link #stop()}, SIGTERM) and started again on the same port with the same
 * environment. Output goes to {@code reliability-tests/target/child-jvms/<name>.log} (appended across restarts).
 */
public final class Node {

    /** Small heaps: up to eight JVMs share a 2-core machine with the build (VERSIONS.md). */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx160m", "-Xss512k", "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=48m", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true");

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "node-reaper"));
    }

    private final String name;
    private final String module;
    private final int port;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Path log;
    private volatile Process process;

    Node(String name, String module, int port) {
        this.name = name;
        this.module = module;
        this.port = port;
        this.log = repoRoot().resolve("reliability-tests").resolve("target").resolve("child-jvms").resolve(name + ".log");
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("crm.repo.root", "..")).toAbsolutePath().normalize();
    }

    static Path execJar(String module) {
        String version = System.getProperty("crm.version", "0.1.0-SNAPSHOT");
        return repoRoot().resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
    }

    Node env(String key, String value) {
        env.put(key, value);
        return this;
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

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Starts the JVM (again); {@link #awaitReady(List, Duration)} waits for it. */
    public synchronized Node start() {
        if (isAlive()) {
            return this;
        }
        Path jar = execJar(module);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no runnable jar " + jar + ": build the module first (mvn -pl " + module + " package)");
        }
        // from the class-data archive a launcher run wrote for this jar, when there is one: half the start-up CPU
        Optional<ClassDataSharing.Start> cds = ClassDataSharing.archived(jar);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        cds.ifPresent(start -> command.addAll(start.jvmOptions()));
        command.add("-jar");
        command.add(cds.map(ClassDataSharing.Start::jar).orElse(jar).toString());
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== start " + Instant.now() + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
            builder.environment().putAll(env);
            process = builder.start();
            RUNNING.add(process);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** SIGKILL: the instance vanishes mid-request, without deregistering or finishing anything. */
    public void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        await(p, Duration.ofSeconds(10));
        RUNNING.remove(p);
    }

    /** SIGTERM (graceful shutdown, deregisters from Eureka); SIGKILL after 20 s. */
    public void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        if (!await(p, Duration.ofSeconds(20))) {
            p.destroyForcibly();
            await(p, Duration.ofSeconds(10));
        }
        RUNNING.remove(p);
    }

    private static boolean await(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isReady() {
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

    /** Waits until every node answers readiness 200; fails at once when one exits, with the tail of its output. */
    public static void awaitReady(List<Node> nodes, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Node> starting = new ArrayList<>(nodes);
        while (!starting.isEmpty()) {
            for (Node node : List.copyOf(starting)) {
                if (!node.isAlive()) {
                    throw node.failure("exited before it was ready");
                }
                if (node.isReady()) {
                    starting.remove(node);
                }
            }
            if (!starting.isEmpty() && Instant.now().isAfter(deadline)) {
                throw starting.get(0).failure("was not ready within " + timeout.toSeconds() + " s");
            }
            if (!starting.isEmpty()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output readable from " + log + ": " + e + ")";
        }
    }

    /** Whether the node's output (all its runs) contains {@code text}. */
    public boolean logContains(String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private IllegalStateException failure(String what) {
        String message = name + " " + what + "; last lines of " + log + ":" + System.lineSeparator() + tail(60);
        System.err.println(message);
        return new IllegalStateException(message);
    }
}
