package org.crmsuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class-data sharing for the child JVMs, with a real module jar (discovery's, the smallest) and real JVMs: the jar is
 * extracted, its first JVM writes the archive as it exits, the next JVM maps it, and a rebuilt jar starts over. Each
 * JVM runs only until its Spring context is refreshed ({@code spring.context.exit=onRefresh}), the way Spring Boot
 * trains CDS archives.
 */
class ClassDataSharingTest {

    private static final String JAR = "discovery-0.1.0-SNAPSHOT-exec.jar";
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path work;

    private Path jar;

    @BeforeEach
    void aBuiltJarOfItsOwn() throws IOException {
        Path repo = Path.of(System.getProperty("crm.repo.root", "..")).toAbsolutePath().normalize();
        jar = work.resolve("discovery").resolve("target").resolve(JAR);
        Files.createDirectories(jar.getParent());
        Files.copy(repo.resolve("discovery").resolve("target").resolve(JAR), jar);
    }

    @Test
    void theFirstJvmWritesTheArchiveAsItExitsAndTheNextOneStartsFromIt() throws Exception {
        ClassDataSharing cds = new ClassDataSharing(JAVA, true);

        ClassDataSharing.Start first = cds.prepare("discovery", jar);
        assertThat(first.mode()).isEqualTo(ClassDataSharing.Mode.WRITING);
        assertThat(first.jar()).as("extracted next to the jar, under a folder named after the build")
                .isRegularFile().startsWith(jar.getParent().resolve("cds").resolve(ClassDataSharing.stamp(jar)));
        assertThat(first.jar().resolveSibling("lib")).isDirectory();
        assertThat(first.writing()).hasValueSatisfying(path -> assertThat(path.getFileName().toString()).endsWith(".tmp"));
        assertThat(first.jar().resolveSibling(ClassDataSharing.ARCHIVE)).as("nothing usable before the JVM exits")
                .doesNotExist();

        assertThat(ClassDataSharing.archived(jar)).as("what the system tests would use: nothing yet").isEmpty();

        assertThat(run(first, List.of())).isZero();
        assertThat(first.keepArchive()).isTrue();
        assertThat(ClassDataSharing.archived(jar)).hasValueSatisfying(start -> {
            assertThat(start.jar()).isEqualTo(first.jar());
            assertThat(start.mode()).isEqualTo(ClassDataSharing.Mode.USING);
        });
        Path archive = first.jar().resolveSibling(ClassDataSharing.ARCHIVE);
        assertThat(archive).isNotEmptyFile();

        ClassDataSharing.Start second = cds.prepare("discovery", jar);
        assertThat(second.mode()).isEqualTo(ClassDataSharing.Mode.USING);
        assertThat(second.jar()).isEqualTo(first.jar());
        assertThat(second.jvmOptions()).contains("-XX:SharedArchiveFile=" + archive);
        Path loaded = work.resolve("class-load.txt");
        assertThat(run(second, List.of("-Xlog:class+load=info:file=" + loaded))).isZero();
        // the application's own classes come out of the archive, not out of the jar
        assertThat(Files.readAllLines(loaded)).anySatisfy(line -> assertThat(line)
                .contains("org.crmsuite.discovery.DiscoveryApplication source: shared objects file"));
    }

    @Test
    void aRebuiltJarGetsAFreshFolderAndTheOldOneIsRemoved() throws Exception {
        ClassDataSharing cds = new ClassDataSharing(JAVA, true);
        Path before = cds.prepare("discovery", jar).jar().getParent();

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        ClassDataSharing.Start rebuilt = cds.prepare("discovery", jar);

        assertThat(rebuilt.mode()).isEqualTo(ClassDataSharing.Mode.WRITING);
        assertThat(rebuilt.jar().getParent()).isNotEqualTo(before);
        assertThat(before).as("an archive of the old build is never used").doesNotExist();
    }

    @Test
    void aJvmThatWroteNothingLeavesNoArchiveAndTheNextStartWritesAgain() throws Exception {
        ClassDataSharing cds = new ClassDataSharing(JAVA, true);
        ClassDataSharing.Start first = cds.prepare("discovery", jar);
        // killed before it could write: the temporary file is empty or missing
        Files.createFile(first.writing().orElseThrow());

        assertThat(first.keepArchive()).isFalse();
        assertThat(first.jar().resolveSibling(ClassDataSharing.ARCHIVE)).doesNotExist();
        assertThat(cds.prepare("discovery", jar).mode()).isEqualTo(ClassDataSharing.Mode.WRITING);
    }

    @Test
    void turnedOffTheRunnableJarStartsAsItIs() {
        ClassDataSharing.Start start = new ClassDataSharing(JAVA, false).prepare("discovery", jar);

        assertThat(start.mode()).isEqualTo(ClassDataSharing.Mode.OFF);
        assertThat(start.jar()).isEqualTo(jar);
        assertThat(start.jvmOptions()).isEmpty();
        assertThat(jar.getParent().resolve("cds")).doesNotExist();
    }

    @Test
    void aJarThatCannotBeExtractedStartsAsItIs() throws IOException {
        Files.writeString(jar, "not a jar");

        ClassDataSharing.Start start = new ClassDataSharing(JAVA, true).prepare("discovery", jar);

        assertThat(start.mode()).isEqualTo(ClassDataSharing.Mode.OFF);
        assertThat(start.jar()).isEqualTo(jar);
    }

    /** The JVM as the launcher starts it, until its context is refreshed; its exit code. */
    private int run(ClassDataSharing.Start start, List<String> extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(JvmDefaults.options(128));
        command.addAll(start.jvmOptions());
        command.addAll(extra);
        command.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", start.jar().toString(), "--server.port=0",
                "--server.address=127.0.0.1", "--eureka.instance.hostname=localhost"));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("jvm.log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the JVM did not exit; see " + work.resolve("jvm.log"));
        }
        return process.exitValue();
    }
}
