package org.crmsuite.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code <data>/launcher.pids}: the running launcher and the JVMs it started. A launcher killed with SIGKILL cannot
 * stop its children; the next launcher on the same data folder finds them here and stops them first. A launcher
 * still alive on the same data folder is refused instead (its embedded MongoDB file is in use).
 */
final class RunRecord {

    private static final String LAUNCHER = "launcher";
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(15);

    private final Path file;

    RunRecord(Path dataDir) {
        this.file = dataDir.resolve("launcher.pids");
    }

    /** The pid of a launcher that still runs on this data folder, if any. */
    Optional<Long> liveLauncher() throws IOException {
        for (String[] entry : entries()) {
            if (entry[0].equals(LAUNCHER)) {
                long pid = Long.parseLong(entry[1]);
                boolean launcherAlive = pid != ProcessHandle.current().pid() && ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        // a recycled pid is some other program: only a command line naming the launcher counts
                        .map(handle -> handle.info().commandLine().map(line -> line.contains("launcher")).orElse(true))
                        .orElse(false);
                if (launcherAlive) {
                    return Optional.of(pid);
                }
            }
        }
        return Optional.empty();
    }

    /** Stops JVMs a dead launcher left behind; a pid is only trusted while its command line still names the jar. */
    List<String> stopLeftovers() throws IOException {
        List<ProcessHandle> leftovers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String[] entry : entries()) {
            if (entry[0].equals(LAUNCHER) || entry.length < 3) {
                continue;
            }
            String jar = entry[2];
            ProcessHandle.of(Long.parseLong(entry[1]))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                    .ifPresent(handle -> {
                        leftovers.add(handle);
                        names.add(entry[0] + " (pid " + handle.pid() + ")");
                    });
        }
        leftovers.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + LEFTOVER_GRACE.toNanos();
        for (ProcessHandle handle : leftovers) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
        Files.deleteIfExists(file);
        return names;
    }

    void recordLauncher() throws IOException {
        append(LAUNCHER + " " + ProcessHandle.current().pid());
    }

    void recordChild(ChildJvm child, Path jar) throws IOException {
        append(child.name() + " " + child.pid() + " " + jar);
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale record is harmless: its pids are checked against their command lines
        }
    }

    private synchronized void append(String line) throws IOException {
        Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private List<String[]> entries() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String[]> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split(" ", 3);
            if (parts.length >= 2 && parts[1].chars().allMatch(Character::isDigit)) {
                entries.add(parts);
            }
        }
        return entries;
    }
}
