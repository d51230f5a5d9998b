package org.crmsuite.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Application class-data sharing (AppCDS) for the child JVMs, so that a start after the first one parses, verifies and
 * lays out far fewer classes — on two cores, nine JVMs starting at once spend most of their time doing exactly that.
 * The steps are those Spring Boot documents for CDS:
 * <ol>
 * <li>the runnable jar is extracted once ({@code java -Djarmode=tools -jar <jar> extract}) into
 * {@code <module>/target/cds/<stamp>/}: CDS only keeps classes loaded from plain jars on the class path, not from the
 * nested jars inside a Spring Boot jar. {@code <stamp>} names the jar's size, time and the JVM, so a rebuilt jar or
 * another JDK gets a fresh folder and a stale archive is never used;</li>
 * <li>the first run starts each JVM from the extracted jar with {@code -XX:ArchiveClassesAtExit}: the JVM writes the
 * archive of the classes it loaded when it exits (the suite being stopped). The launcher writes it under a temporary
 * name and gives it its final name only once the JVM has exited, so a half-written archive is never used;</li>
 * <li>later runs start each JVM with {@code -XX:SharedArchiveFile} ({@code -Xshare:auto}: a JVM that cannot map the
 * archive starts without it).</li>
 * </ol>
 * {@code CRM_CDS=false} starts the runnable jars as they are. Any failure here (no jar tool, no room on disk) costs only
 * the speed-up: the JVM starts from the runnable jar. See docs/operations.md, "Start-up time".
 */
public final class ClassDataSharing {

    static final String ARCHIVE = "classes.jsa";
    private static final long EXTRACT_TIMEOUT_SECONDS = 120;

    /** How one JVM is to be started: which jar, what to add to its options, and the archive it writes, if any. */
    public record Start(Path jar, List<String> jvmOptions, Optional<Path> writing, Mode mode) {

        /** Once the JVM has exited by itself: gives the archive it wrote its final name; false if it wrote none. */
        boolean keepArchive() {
            if (writing.isEmpty()) {
                return false;
            }
            Path written = writing.get();
            Path archive = written.resolveSibling(ARCHIVE);
            try {
                if (Files.isRegularFile(written) && Files.size(written) > 0) {
                    Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    return true;
                }
                Files.deleteIfExists(written);
            } catch (IOException e) {
                // the next run writes it again
            }
            return false;
        }

        /** Deletes what a JVM that did not finish (it was killed) may have begun to write. */
        void discardArchive() {
            writing.ifPresent(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // removed as a leftover by the next launcher
                }
            });
        }
    }

    public enum Mode {
        /** Started from an archive written by an earlier run. */
        USING,
        /** Started from the extracted jar; writes the archive when it exits. */
        WRITING,
        /** Started from the runnable jar as it is (CDS off, or the jar could not be extracted). */
        OFF
    }

    private final String java;
    private final boolean enabled;

    ClassDataSharing(String java, boolean enabled) {
        this.java = java;
        this.enabled = enabled;
    }

    /** How to start {@code module} from {@code runnableJar}; extracts the jar on its first use. */
    Start prepare(String module, Path runnableJar) {
        if (!enabled) {
            return off(runnableJar);
        }
        try {
            Path folder = runnableJar.getParent().resolve("cds").resolve(stamp(runnableJar));
            Path extracted = folder.resolve(runnableJar.getFileName());
            if (!Files.isRegularFile(extracted) && !extract(runnableJar, folder)) {
                return off(runnableJar);
            }
            Optional<Start> archived = archived(runnableJar);
            if (archived.isPresent()) {
                return archived.get();
            }
            Path writing = folder.resolve(ARCHIVE + "." + ProcessHandle.current().pid() + ".tmp");
            removeLeftovers(folder);
            return new Start(extracted, List.of("-XX:ArchiveClassesAtExit=" + writing), Optional.of(writing),
                    Mode.WRITING);
        } catch (IOException | RuntimeException e) {
            return off(runnableJar);
        }
    }

    /**
     * For JVMs that something other than the launcher starts (the system and reliability tests): the archive a launcher
     * run wrote for this very jar, if there is one. It never extracts or writes anything, so any number of JVMs of one
     * jar may use it at once; without an archive the caller starts the runnable jar as it is.
     */
    public static Optional<Start> archived(Path runnableJar) {
        try {
            Path folder = runnableJar.getParent().resolve("cds").resolve(stamp(runnableJar));
            Path extracted = folder.resolve(runnableJar.getFileName());
            Path archive = folder.resolve(ARCHIVE);
            if (Files.isRegularFile(extracted) && Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return Optional.of(new Start(extracted, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"),
                        Optional.empty(), Mode.USING));
            }
        } catch (IOException | RuntimeException e) {
            // no usable archive
        }
        return Optional.empty();
    }

    /** The runnable jar as it is: no extracted copy, no archive. */
    static Start off(Path runnableJar) {
        return new Start(runnableJar, List.of(), Optional.empty(), Mode.OFF);
    }

    /** The jar's size and time and the JVM's version: what an archive is only valid for. */
    static String stamp(Path jar) throws IOException {
        String vm = System.getProperty("java.vm.version", "") + System.getProperty("java.home", "");
        return String.format(Locale.ROOT, "%x-%x-%08x", Files.size(jar), Files.getLastModifiedTime(jar).toMillis(),
                vm.hashCode());
    }

    /**
     * Extracts into a temporary folder that is renamed when complete, so a launcher stopped mid-way leaves nothing
     * that looks usable. Older stamps' folders (earlier builds) are removed first.
     */
    private boolean extract(Path runnableJar, Path folder) throws IOException {
        Path cds = folder.getParent();
        Files.createDirectories(cds);
        try (Stream<Path> old = Files.list(cds)) {
            for (Path stale : old.filter(path -> !path.equals(folder)).toList()) {
                deleteTree(stale);
            }
        }
        Path partial = cds.resolve(folder.getFileName() + ".partial-" + ProcessHandle.current().pid());
        deleteTree(partial);
        Process process = new ProcessBuilder(java, "-Djarmode=tools", "-jar", runnableJar.toString(), "extract",
                "--destination", partial.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                deleteTree(partial);
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            deleteTree(partial);
            return false;
        }
        if (!Files.isRegularFile(partial.resolve(runnableJar.getFileName()))) {
            deleteTree(partial);
            return false;
        }
        Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Archives being written by launchers that are gone (killed before their JVMs exited). */
    private static void removeLeftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(ARCHIVE + ".") && name.endsWith(".tmp")) {
                    String pid = name.substring(ARCHIVE.length() + 1, name.length() - ".tmp".length());
                    boolean live = pid.chars().allMatch(Character::isDigit)
                            && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                    if (!live) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = new ArrayList<>(paths.toList());
            all.sort(Comparator.reverseOrder());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        }
    }
}
