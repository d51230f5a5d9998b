package org.crmsuite.launcher;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One module's JVM: started with its environment, output to its own log file, stopped with SIGTERM. */
final class ChildJvm {

    private final Module module;
    private final int port;
    private final Path log;
    private final Process process;
    private final long startedNanos;

    private ChildJvm(Module module, int port, Path log, Process process, long startedNanos) {
        this.module = module;
        this.port = port;
        this.log = log;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    static ChildJvm start(Module module, int port, Path jar, List<String> jvmOptions, Map<String, String> environment,
            Path logDir) throws IOException {
        Path log = logDir.resolve(module.name() + ".log");
        if (Files.exists(log)) {
            // the previous run's log stays readable next to the new one
            Files.move(log, logDir.resolve(module.name() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(log.toFile()))
                .redirectInput(Redirect.from(nullDevice()));
        builder.environment().putAll(environment);
        return new ChildJvm(module, port, log, builder.start(), System.nanoTime());
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    static List<String> defaultJvmOptions(Module module) {
        return JvmDefaults.options(module.heapMb());
    }

    Module module() {
        return module;
    }

    String name() {
        return module.name();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** SIGTERM: Spring Boot shuts down gracefully and the service leaves Eureka. */
    void requestStop() {
        process.destroy();
    }

    boolean awaitExit(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            return !process.isAlive();
        }
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(5));
    }

    List<String> logTail(int lines) {
        try {
            List<String> all = logLines();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    /** The innermost "Caused by:" of the last stack trace in the log: usually the one line that explains a failure. */
    Optional<String> rootCause() {
        try {
            List<String> all = logLines();
            for (int i = all.size() - 1; i >= 0; i--) {
                if (all.get(i).startsWith("Caused by: ")) {
                    return Optional.of(all.get(i).substring("Caused by: ".length()));
                }
            }
        } catch (IOException unreadable) {
            // the tail says so
        }
        return Optional.empty();
    }

    private List<String> logLines() throws IOException {
        return Arrays.asList(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R"));
    }
}
