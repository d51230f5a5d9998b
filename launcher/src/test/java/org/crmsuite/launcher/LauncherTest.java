package org.crmsuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command run, end to end: the launcher (its main, in its own JVM, as run-suite.sh runs it) starts the real
 * module jars on random ports with a fresh data folder, the gateway routes a caller with identity's token to a
 * service, and SIGTERM stops every JVM it started. The embedded broker is forced so the test does not depend on a
 * RabbitMQ being there or not.
 */
class LauncherTest {

    private static final Duration UP_TIMEOUT = Duration.ofSeconds(240);
    /** The launcher's grace period (20 s) plus the time it allows the JVMs to write their class-data archives. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(150);
    private static final Pattern UP_LINE = Pattern.compile("CRM suite is up: http://localhost:(\\d+)");
    private static final Pattern MODULE_LINE = Pattern.compile(
            "^\\[\\s*\\d+/\\d+\\] (\\S+)\\s+UP\\s+http://localhost:(\\d+)\\s.*pid (\\d+)$");

    @TempDir
    Path workDir;

    private Process launcher;
    private Thread reader;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void oneCommandStartsTheSuiteRoutesThroughTheGatewayAndSigtermStopsEverything() throws Exception {
        launcher = startLauncher();
        int gatewayPort = awaitUp();

        HttpResponse<String> health = get(gatewayPort, "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"status\"\\s*:\\s*\"UP\"");

        List<long[]> children = startedChildren(); // {pid, port}
        assertThat(children).as("one UP line per module: %s", output).hasSize(Suite.MODULES.size());

        // the gateway refuses requests without a token: one from identity, as a partner system would get it
        String token = clientCredentialsToken(port(Suite.IDENTITY));
        HttpResponse<String> ping = get(gatewayPort, "/api/v1/customers/ping", token);
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).containsPattern("\"service\"\\s*:\\s*\"customer-service\"");
        assertThat(get(gatewayPort, "/api/v1/customers/ping", null).statusCode()).isEqualTo(401);

        // the staff console: a browser reaches it through the gateway without a token, from the address printed
        assertThat(output).contains("console   open http://127.0.0.1:" + gatewayPort
                + "/console/ in a browser  (demo logins: docs/identity.md)");
        HttpResponse<String> console = get(gatewayPort, "/console/ping", null);
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).containsPattern("\"service\"\\s*:\\s*\"console\"");
        HttpResponse<String> home = get(gatewayPort, "/", null);
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValue("/console/");
        assertThat(children).allSatisfy(child -> assertThat(isAlive(child[0])).isTrue());

        // SIGTERM, as `kill` would; through the handle, because Process.destroy() also closes the output pipe
        launcher.toHandle().destroy();
        boolean exited = launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        reader.join(5_000); // its last lines

        assertThat(exited).as("launcher exits within %s after SIGTERM; output: %s", STOP_TIMEOUT, output).isTrue();
        assertThat(output).contains("stopped");
        for (long[] child : children) {
            assertThat(isAlive(child[0])).as("child pid %d is gone", child[0]).isFalse();
            assertThat(Ports.accepts((int) child[1])).as("port %d is closed", child[1]).isFalse();
        }
        Path data = workDir.resolve("data");
        assertThat(data.resolve("mongodb").resolve("crm.mv.db")).as("embedded MongoDB keeps its data on disk").exists();
        for (Module module : Suite.MODULES) {
            assertThat(data.resolve("logs").resolve(module.name() + ".log")).isNotEmptyFile();
        }
        // class-data sharing: each JVM started from its extracted jar, and after the stop every module has an
        // archive for its current jar (written now, or by an earlier run on the same build), for the next start
        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("CDS       ").contains("JVMs from class-data archives"));
        Path checkout = Path.of(System.getenv().getOrDefault("CRM_HOME", System.getProperty("crm.repo.root", "..")));
        for (Module module : Suite.MODULES) {
            Path jar = Launcher.runnableJar(checkout.toAbsolutePath().normalize(), module.name()).orElseThrow();
            assertThat(jar.resolveSibling("cds").resolve(ClassDataSharing.stamp(jar)).resolve(ClassDataSharing.ARCHIVE))
                    .as("class-data archive of %s", module.name()).isNotEmptyFile();
        }
    }

    private Process startLauncher() throws IOException {
        Path classes = Path.of(System.getProperty("crm.launcher.classes", "target/classes"));
        String dependencies = Files.readString(
                Path.of(System.getProperty("crm.launcher.classpath", "target/launcher.classpath"))).trim();
        String home = System.getenv().getOrDefault("CRM_HOME", System.getProperty("crm.repo.root", ".."));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", classes + File.pathSeparator + dependencies,
                Launcher.class.getName(), "--random-ports");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("CRM_"));
        builder.environment().put("CRM_HOME", Path.of(home).toAbsolutePath().normalize().toString());
        builder.environment().put("CRM_DATA_DIR", workDir.resolve("data").toString());
        builder.environment().put("CRM_EMBEDDED_BROKER", "true");
        Process process = builder.start();
        reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    System.out.println("[launcher] " + line);
                }
            } catch (IOException closed) {
                // the launcher is gone
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private int awaitUp() throws InterruptedException {
        long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                Matcher up = UP_LINE.matcher(line);
                if (up.find()) {
                    return Integer.parseInt(up.group(1));
                }
                if (line.startsWith("FAILED")) {
                    fail("the launcher failed to start the suite:%n%s", String.join("\n", output));
                }
            }
            if (!launcher.isAlive()) {
                fail("the launcher exited with %d before the suite was up:%n%s", launcher.exitValue(),
                        String.join("\n", output));
            }
            Thread.sleep(250);
        }
        return fail("the suite was not up within %s:%n%s", UP_TIMEOUT, String.join("\n", output));
    }

    private List<long[]> startedChildren() {
        List<long[]> children = new ArrayList<>();
        for (String line : output) {
            Matcher module = MODULE_LINE.matcher(line);
            if (module.find()) {
                children.add(new long[] { Long.parseLong(module.group(3)), Long.parseLong(module.group(2)) });
            }
        }
        return children;
    }

    private int port(String module) {
        for (String line : output) {
            Matcher up = MODULE_LINE.matcher(line);
            if (up.find() && up.group(1).equals(module)) {
                return Integer.parseInt(up.group(2));
            }
        }
        return fail("no UP line for %s in %s", module, output);
    }

    private String clientCredentialsToken(int identityPort) throws IOException, InterruptedException {
        String client = Suite.ROUTE_CHECK_CLIENT + ":" + Suite.ROUTE_CHECK_SECRET_LOCAL_DEFAULT;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + identityPort + "/oauth2/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token from identity: %s", response.body()).isEqualTo(200);
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).as("access_token in %s", response.body()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> get(int port, String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A failed test must not leave seven JVMs behind. */
    @AfterEach
    void stopEverything() throws InterruptedException {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            if (!launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        }
        for (long[] child : startedChildren()) {
            ProcessHandle.of(child[0]).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
