package org.crmsuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's decisions before anything starts: is there a broker, which ports, what the environment says. */
class LocalRunDetectionTest {

    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

    /** The first bytes a broker sends after the 0-9-1 header: a method frame on channel 0, Connection.Start. */
    private static final byte[] CONNECTION_START = { 1, 0, 0, 0, 0, 1, 0, 0, 10, 0, 10, 0, 9 };

    @Test
    void brokerAnsweringConnectionStartIsUsed() throws Exception {
        try (FakeServer broker = new FakeServer(reply(CONNECTION_START))) {
            assertThat(AmqpProbe.brokerAnswers("127.0.0.1", broker.port(), PROBE_TIMEOUT)).isTrue();
            assertThat(broker.received()).startsWith(AmqpProbe.PROTOCOL_HEADER);
        }
    }

    @Test
    void portHeldByAnHttpServerIsNotTakenForABroker() throws Exception {
        byte[] http = "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (FakeServer web = new FakeServer(reply(http))) {
            assertThat(AmqpProbe.brokerAnswers("127.0.0.1", web.port(), PROBE_TIMEOUT)).isFalse();
        }
    }

    @Test
    void brokerRejectingProtocolVersionIsNotUsed() throws Exception {
        byte[] amqp10Only = { 'A', 'M', 'Q', 'P', 0, 1, 0, 0 };
        try (FakeServer other = new FakeServer(reply(amqp10Only))) {
            assertThat(AmqpProbe.brokerAnswers("127.0.0.1", other.port(), PROBE_TIMEOUT)).isFalse();
        }
    }

    @Test
    void silentOrClosingServerIsNotABroker() throws Exception {
        try (FakeServer silent = new FakeServer(out -> sleep(2_000));
                FakeServer closing = new FakeServer(out -> { })) {
            assertThat(AmqpProbe.brokerAnswers("127.0.0.1", silent.port(), PROBE_TIMEOUT)).isFalse();
            assertThat(AmqpProbe.brokerAnswers("127.0.0.1", closing.port(), PROBE_TIMEOUT)).isFalse();
        }
    }

    @Test
    void nothingListeningMeansNoBroker() {
        int unused = Ports.free();
        assertThat(AmqpProbe.brokerAnswers("127.0.0.1", unused, PROBE_TIMEOUT)).isFalse();
    }

    @Test
    void takenPortIsNotFreeAndThePreferredPortFallsBackToAFreeOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, Ports.LOOPBACK)) {
            int port = taken.getLocalPort();
            assertThat(Ports.isFree(port)).isFalse();
            assertThat(Ports.accepts(port)).isTrue();
            int fallback = Ports.preferredOrFree(port);
            assertThat(fallback).isNotEqualTo(port);
            assertThat(Ports.isFree(fallback)).isTrue();
        }
    }

    @Test
    void randomPortsAreDistinctFreeAndDefaultPortsAreTheModulesOwn() {
        Map<String, Integer> random = Ports.assign(Suite.MODULES, true);
        assertThat(new HashSet<>(random.values())).hasSize(Suite.MODULES.size());
        assertThat(random.values()).allSatisfy(port -> assertThat(Ports.isFree(port)).isTrue());

        Map<String, Integer> defaults = Ports.assign(Suite.MODULES, false);
        assertThat(defaults).containsEntry("gateway", 8080).containsEntry("discovery", 8761)
                .containsEntry("customer-service", 8081).containsEntry("notification-service", 8085)
                .containsEntry("console", 8090);
    }

    @Test
    void discoveryStartsFirstTheGatewayLastAndEveryServiceIsPingedThroughIt() {
        List<Integer> groups = Suite.startGroups(Suite.MODULES);
        assertThat(Suite.named(Suite.MODULES, Suite.DISCOVERY).startGroup()).isEqualTo(groups.get(0));
        assertThat(Suite.named(Suite.MODULES, Suite.GATEWAY).startGroup()).isEqualTo(groups.get(groups.size() - 1));
        assertThat(Suite.MODULES.stream().filter(module -> module.name().endsWith("-service")))
                .allSatisfy(service -> assertThat(service.pingPath()).startsWith("/api/v1/").endsWith("/ping"));
        assertThat(Suite.MODULES.stream().map(Module::defaultPort).distinct()).hasSize(Suite.MODULES.size());
        Module console = Suite.named(Suite.MODULES, Suite.CONSOLE);
        assertThat(console.pingPath()).isEqualTo("/console/ping");
        assertThat(console.startGroup()).isLessThan(Suite.named(Suite.MODULES, Suite.GATEWAY).startGroup());
    }

    @Test
    void theConsoleIsOpenedThroughTheGatewayOnTheLoopbackAddressIdentityAcceptsOnAnyPort() {
        assertThat(Launcher.consoleUrl(41234)).isEqualTo("http://127.0.0.1:41234/console/");
        assertThat(Launcher.consoleEnvironment(41234))
                .containsEntry("CRM_CONSOLE_GATEWAY_URL", "http://localhost:41234")
                .containsEntry("CRM_CONSOLE_REDIRECT_URIS", "http://127.0.0.1:41234/console/login/oauth2/code/crm-console")
                // identity matches the address after logout exactly, port included
                .containsEntry("CRM_CONSOLE_POST_LOGOUT_URIS", "http://127.0.0.1:41234/console/");
    }

    @Test
    void environmentChoosesPortsDataFolderServersAndJvmFlags(@TempDir Path dir) {
        Settings defaults = Settings.from(new String[0], Map.of(), dir, List.of());
        assertThat(defaults.randomPorts()).isFalse();
        assertThat(defaults.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(defaults.mongoUri()).isEmpty();
        assertThat(defaults.rabbitHost()).isEmpty();
        assertThat(defaults.jvmOptions()).isEmpty();
        assertThat(defaults.startTimeout()).isEqualTo(Duration.ofSeconds(180));

        Settings configured = Settings.from(new String[0], Map.of(
                "CRM_RANDOM_PORTS", "true",
                "CRM_DATA_DIR", "elsewhere",
                "CRM_MONGODB_URI", "mongodb://db:27017",
                "SPRING_RABBITMQ_HOST", "mq", "SPRING_RABBITMQ_PORT", "5673",
                "CRM_JVM_OPTS", " -Xmx256m  -XX:+UseG1GC ",
                "CRM_START_TIMEOUT", "60"), dir, List.of());
        assertThat(configured.randomPorts()).isTrue();
        assertThat(configured.dataDir()).isEqualTo(dir.resolve("elsewhere"));
        assertThat(configured.mongoUri()).contains("mongodb://db:27017");
        assertThat(configured.rabbitHost()).contains("mq");
        assertThat(configured.rabbitPort()).isEqualTo(5673);
        assertThat(configured.jvmOptions()).contains(List.of("-Xmx256m", "-XX:+UseG1GC"));
        assertThat(configured.startTimeout()).isEqualTo(Duration.ofSeconds(60));

        Settings springWins = Settings.from(new String[] { "--random-ports" },
                Map.of("SPRING_MONGODB_URI", "mongodb://a", "CRM_MONGODB_URI", "mongodb://b"), dir, List.of());
        assertThat(springWins.mongoUri()).contains("mongodb://a");
        assertThat(springWins.randomPorts()).isTrue();

        assertThatThrownBy(() -> Settings.from(new String[] { "--fast" }, Map.of(), dir, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--fast");
    }

    @Test
    void checkoutIsFoundAboveTheLauncherJarAndTheNewestExecJarIsRun(@TempDir Path dir) throws IOException {
        Path checkout = dir.resolve("crm");
        Files.createDirectories(checkout.resolve("launcher").resolve("target"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Path launcherJar = checkout.resolve("launcher/target/launcher-0.1.0-SNAPSHOT-exec.jar");
        assertThat(Settings.findHome(List.of(launcherJar), dir)).isEqualTo(checkout);

        Path target = Files.createDirectories(checkout.resolve("gateway").resolve("target"));
        Path plain = Files.writeString(target.resolve("gateway-0.1.0-SNAPSHOT.jar"), "");
        Path exec = Files.writeString(target.resolve("gateway-0.1.0-SNAPSHOT-exec.jar"), "");
        assertThat(plain).exists();
        assertThat(Launcher.runnableJar(checkout, "gateway")).contains(exec);
        assertThat(Launcher.runnableJar(checkout, "identity")).isEmpty();
    }

    @Test
    void residentMemoryIsReadFromVmRss() {
        assertThat(ResidentMemory.parseKilobytes("VmRSS:\t  231004 kB")).hasValue(231004);
        assertThat(ResidentMemory.parseKilobytes("VmHWM:\t  231004 kB")).isEmpty();
        assertThat(ResidentMemory.format(231004)).isEqualTo("226 MB");
        assertThat(ResidentMemory.format(1_813_000)).isEqualTo("1.73 GB");
        assertThat(ResidentMemory.kilobytes(ProcessHandle.current().pid()))
                .satisfiesAnyOf(kb -> assertThat(kb).isEmpty(), kb -> assertThat(kb.getAsLong()).isPositive());
    }

    @Test
    void pingCountsOnlyForTheServiceItNames() {
        assertThat(Http.isPingOf("{\"service\":\"customer-service\",\"instance\":\"x\"}", "customer-service")).isTrue();
        assertThat(Http.isPingOf("{\"service\" : \"customer-service\"}", "customer-service")).isTrue();
        assertThat(Http.isPingOf("{\"service\":\"visit-service\"}", "customer-service")).isFalse();
    }

    @Test
    void unhealthyModuleIsExplainedByTheComponentsThatAreNotUp() {
        String body = "{\"status\":\"DOWN\",\"components\":{\"diskSpace\":{\"status\":\"UP\"},"
                + "\"mongo\":{\"status\":\"DOWN\",\"details\":{\"error\":\"no such command: 'hello'\"}},"
                + "\"rabbit\":{\"status\":\"UP\"}}}";
        assertThat(Http.describeHealth(503, body)).isEqualTo("HTTP 503, mongo DOWN");
    }

    private static Answer reply(byte[] bytes) {
        return out -> {
            out.write(bytes);
            out.flush();
            sleep(200);
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Answer {
        void answer(OutputStream out) throws IOException;
    }

    /** A one-connection loopback server: records the first 8 bytes it receives, then answers as told. */
    private static final class FakeServer implements AutoCloseable {

        private final ServerSocket socket;
        private final Thread thread;
        private volatile byte[] received = new byte[0];

        FakeServer(Answer answer) throws IOException {
            socket = new ServerSocket(0, 1, Ports.LOOPBACK);
            thread = new Thread(() -> {
                try (Socket client = socket.accept()) {
                    client.setSoTimeout(3_000);
                    received = client.getInputStream().readNBytes(AmqpProbe.PROTOCOL_HEADER.length);
                    answer.answer(client.getOutputStream());
                } catch (IOException closed) {
                    // the probe hung up first, or the test finished
                }
            }, "fake-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        byte[] received() throws InterruptedException {
            thread.join(3_000);
            return received;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
