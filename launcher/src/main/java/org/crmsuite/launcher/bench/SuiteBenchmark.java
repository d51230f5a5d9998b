package org.crmsuite.launcher.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crmsuite.launcher.JvmDefaults;
import org.crmsuite.launcher.bench.RunningSuite.Member;
import org.crmsuite.launcher.bench.Wrk.Request;
import org.crmsuite.launcher.bench.Wrk.Result;

/**
 * The suite benchmark (issue 10, docs/benchmarks.md): one command starts the whole suite as a newcomer would
 * (launcher, random ports, fresh data), logs in as demo staff through identity, and measures with wrk: gateway
 * overhead against a direct call, complaint intake through the gateway, a domain mix at rising concurrency, and
 * customer-service with one and with two instances behind the gateway; plus cold start and resident memory per JVM.
 * {@code --smoke} runs every step for a second or two (CI keeps it working); {@code --docs FILE} writes the result
 * table into FILE between the suite-benchmark markers.
 */
public final class SuiteBenchmark {

    static final String START_MARKER = "<!-- suite-benchmark:start -->";
    static final String END_MARKER = "<!-- suite-benchmark:end -->";
    /** A LOCAL default: identity's demo directory password in the local profile (docs/identity.md). */
    private static final String DEMO_PASSWORD_LOCAL_DEFAULT = "local-demo-password";
    /** A LOCAL default: identity's demo partner client secret (docs/identity.md). */
    private static final String PARTNER_SECRET_LOCAL_DEFAULT = "local-partner-secret";
    private static final Pattern INSTANCE = Pattern.compile("\"instance\"\\s*:\\s*\"([^\"]+)\"");
    /**
     * The gateway's per-caller rate limit (50/s by default, docs/security.md) would measure the limiter, not the
     * suite: a benchmark run lifts it for its few callers. Children inherit the launcher's environment.
     */
    static final Map<String, String> UNTHROTTLED = Map.of("CRM_GATEWAY_RATELIMIT_REPLENISHRATE", "100000",
            "CRM_GATEWAY_RATELIMIT_BURSTCAPACITY", "200000");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /**
     * The suite's start-up jobs run about a minute after each service starts (visit-service generates the visit plans,
     * notification-service then tells their owners); measured while they run, the first steps would share the cores
     * with them. The benchmark waits at least this long after "all healthy", then until the suite is idle.
     */
    private static final Duration SETTLE_AT_LEAST = Duration.ofSeconds(45);
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(180);
    private static final Duration SETTLE_WINDOW = Duration.ofSeconds(5);
    /** Idle: all the suite's JVMs together use less than this many cores over {@link #SETTLE_WINDOW}. */
    private static final double SETTLED_CORES = 0.25;

    /** Waits {@code atLeast}, then until the JVMs are idle or {@code atMost} has passed; the seconds waited. */
    static double awaitSettled(java.util.Collection<Long> pids, Duration atLeast, Duration atMost)
            throws InterruptedException {
        long begin = System.nanoTime();
        Thread.sleep(atLeast.toMillis());
        double before = cpuSeconds(pids);
        while (Duration.ofNanos(System.nanoTime() - begin).compareTo(atMost) < 0) {
            Thread.sleep(SETTLE_WINDOW.toMillis());
            double now = cpuSeconds(pids);
            if ((now - before) / SETTLE_WINDOW.toSeconds() < SETTLED_CORES) {
                break;
            }
            before = now;
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    private static double cpuSeconds(java.util.Collection<Long> pids) {
        return pids.stream().mapToDouble(ProcCpu::seconds).filter(seconds -> seconds > 0).sum();
    }

    record Options(boolean smoke, Duration duration, Duration warmUp, List<Integer> mixConnections, Path docs,
            Path home) {

        static Options parse(String[] args) {
            boolean smoke = false;
            Path docs = null;
            long seconds = 20;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--smoke" -> smoke = true;
                    case "--docs" -> docs = Path.of(args[++i]);
                    case "--duration" -> seconds = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: SuiteBenchmark [--smoke] [--duration SECONDS] [--docs FILE]");
                }
            }
            Path home = Path.of(System.getenv().getOrDefault("CRM_HOME", ".")).toAbsolutePath().normalize();
            return smoke
                    ? new Options(true, Duration.ofSeconds(2), Duration.ofSeconds(1), List.of(2, 8), docs, home)
                    : new Options(false, Duration.ofSeconds(seconds), Duration.ofSeconds(8), List.of(2, 4, 8, 16, 32),
                            docs, home);
        }
    }

    /** Everything one run measured, rendered by {@link Report}. */
    record Outcome(double coldStartSeconds, Map<String, Long> residentKb, Result direct, Result viaGateway,
            Result intake, List<Result> mix, List<EventLatency> mixEvents, Result oneInstance, Result twoInstances,
            List<String> mixRequests, String classDataSharing, double settleSeconds) {
    }

    /** Complaint filed → webhook received by a partner's endpoint, for the complaints filed during one mix step. */
    record EventLatency(int connections, int events, double p50Ms, double p99Ms) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (!Wrk.installed()) {
            System.err.println("suite-benchmark: wrk is not installed (Debian: apt-get install wrk)");
            System.exit(2);
        }
        Outcome outcome = run(options, true);
        String table = Report.markdown(options, outcome);
        System.out.println();
        System.out.println(table);
        if (options.docs() != null) {
            Report.writeInto(options.docs(), table);
            System.out.println("written into " + options.docs());
        }
    }

    /** Runs the whole benchmark; the suite is stopped before this returns, whatever happens. */
    static Outcome run(Options options, boolean echo) throws Exception {
        Path work = Files.createTempDirectory("crm-bench-");
        Wrk wrk = new Wrk(work);
        Map<String, String> environment = new LinkedHashMap<>(UNTHROTTLED);
        try (WebhookSink sink = new WebhookSink()) {
        // notification-service refuses callbacks inside the suite unless allowed: the demo partner's and this sink
        environment.put("CRM_NOTIFICATION_WEBHOOK_ALLOWEDHOSTS", "127.0.0.1:8099,127.0.0.1:" + sink.port());
        try (RunningSuite suite = RunningSuite.start(options.home(), work.resolve("data"), environment, echo)) {
            double coldStart = suite.awaitUp(Duration.ofSeconds(300));
            // how the JVMs started: from class-data archives of an earlier run, or writing them (the launcher's CDS line)
            String classDataSharing = suite.output().stream().filter(line -> line.startsWith("CDS "))
                    .map(line -> line.substring("CDS ".length()).trim()).findFirst().orElse("not reported");
            Map<String, Long> resident = new LinkedHashMap<>();
            suite.members().values().forEach(m -> resident.put(m.name(), ResidentKb.of(m.pid())));
            resident.put("launcher (embedded MongoDB" + (suite.output().stream().anyMatch(l -> l.contains("embedded Qpid"))
                    ? " + broker)" : ")"), ResidentKb.ofLauncher(suite));

            Member gateway = suite.member("gateway");
            Member customers = suite.member("customer-service");
            StaffLogin login = new StaffLogin(suite.member("identity").port());
            String password = System.getenv().getOrDefault("CRM_DEMO_PASSWORD", DEMO_PASSWORD_LOCAL_DEFAULT);
            String director = login.staffToken("director", password);
            String agent = login.staffToken("agent1", password);
            String sales = login.staffToken("sales1", password);
            String partner = login.clientToken("partner-demo",
                    System.getenv().getOrDefault("CRM_CLIENT_SECRET_PARTNER_DEMO", PARTNER_SECRET_LOCAL_DEFAULT));
            String gatewayUrl = "http://localhost:" + gateway.port();
            Map<String, Long> watched = new LinkedHashMap<>();
            suite.members().values().forEach(m -> watched.put(m.name(), m.pid()));
            // the launcher's JVM hosts the embedded MongoDB (and broker, when embedded) that every service uses
            suite.launcherPid().ifPresent(pid -> watched.put("launcher (embedded MongoDB)", pid));
            double settleSeconds = awaitSettled(watched.values(), options.smoke() ? Duration.ZERO : SETTLE_AT_LEAST,
                    options.smoke() ? Duration.ofSeconds(10) : SETTLE_AT_MOST);

            // 1. gateway overhead: the same cheap GET, straight to the service and through the gateway
            List<Request> ping = List.of(new Request("GET", "/api/v1/customers/ping", director, null));
            String directUrl = "http://localhost:" + customers.port();
            preflight(directUrl, ping);
            preflight(gatewayUrl, ping);
            wrk.run("warm-up", directUrl, ping, 8, options.warmUp(), Map.of());
            wrk.run("warm-up", gatewayUrl, ping, 8, options.warmUp(), Map.of());
            Result direct = wrk.run("ping, direct", directUrl, ping, 8, options.duration(), watched);
            Result viaGateway = wrk.run("ping, via gateway", gatewayUrl, ping, 8, options.duration(), watched);

            // 2. complaint intake through the gateway (CO-1/CO-2), as an agent files them
            List<Request> intake = List.of(complaint(agent, "demo-customer-01"), complaint(agent, "demo-customer-07"),
                    complaint(agent, "demo-customer-14"));
            preflight(gatewayUrl, intake);
            wrk.run("warm-up", gatewayUrl, intake, 4, options.warmUp(), Map.of());
            Result filed = wrk.run("complaint intake", gatewayUrl, intake, 4, options.duration(), watched);

            // 3. the domain mix, at rising concurrency, each request with its caller's token; every complaint it files
            //    goes out to the partner's webhook (the sink), timed from intake to arrival
            subscribe(gatewayUrl, partner, sink.url());
            sink.awaitQuiet(3_000, 60_000); // the intake step's deliveries are not the mix's
            String ownCustomer = firstCustomerOf(gatewayUrl, director, "demo-sales-1");
            List<Request> mix = domainMix(director, agent, sales, ownCustomer);
            preflight(gatewayUrl, mix);
            wrk.run("warm-up", gatewayUrl, mix, 8, options.warmUp(), Map.of());
            sink.awaitQuiet(3_000, 60_000);
            List<Result> mixResults = new ArrayList<>();
            List<java.time.Instant[]> windows = new ArrayList<>();
            for (int connections : options.mixConnections()) {
                java.time.Instant from = java.time.Instant.now();
                mixResults.add(wrk.run("domain mix", gatewayUrl, mix, connections, options.duration(), watched));
                windows.add(new java.time.Instant[] { from, java.time.Instant.now() });
            }
            sink.awaitQuiet(5_000, 120_000);
            List<EventLatency> mixEvents = new ArrayList<>();
            for (int i = 0; i < windows.size(); i++) {
                List<Double> latencies = sink.latenciesOfComplaintsReceived(windows.get(i)[0], windows.get(i)[1]);
                mixEvents.add(new EventLatency(mixResults.get(i).connections(), latencies.size(),
                        WebhookSink.percentile(latencies, 50), WebhookSink.percentile(latencies, 99)));
            }

            // 4. scaling: customer search through the gateway with one, then two customer-service instances
            List<Request> search = List.of(
                    new Request("GET", "/api/v1/customers?name=%E6%9C%89%E9%99%90&size=20", director, null),
                    new Request("GET", "/api/v1/customers?ownerId=demo-sales-1&size=20", director, null),
                    new Request("GET", "/api/v1/customers?grade=QUALIFIED&size=20", director, null));
            preflight(gatewayUrl, search);
            Result one = wrk.run("search, 1 instance", gatewayUrl, search, 8, options.duration(), watched);
            Result two;
            try (SecondInstance second = SecondInstance.start(options.home(), suite, customers.name())) {
                second.awaitRouted(gatewayUrl, director, Duration.ofSeconds(90));
                Map<String, Long> watchedWithSecond = new LinkedHashMap<>(watched);
                watchedWithSecond.put("customer-service #2", second.pid());
                wrk.run("warm-up", gatewayUrl, search, 8, options.warmUp(), Map.of());
                two = wrk.run("search, 2 instances", gatewayUrl, search, 8, options.duration(), watchedWithSecond);
            }
            return new Outcome(coldStart, resident, direct, viaGateway, filed, mixResults, mixEvents, one, two,
                    mix.stream().map(r -> r.method() + " " + r.path()).toList(), classDataSharing, settleSeconds);
        }
        }
    }

    /** The partner subscribes its endpoint to complaint intake (NO-3), as partner-demo through the gateway. */
    private static void subscribe(String gatewayUrl, String partnerToken, String url) throws IOException, InterruptedException {
        preflight(gatewayUrl, List.of(new Request("POST", "/api/v1/subscriptions", partnerToken,
                "{\"eventTypes\":[\"crm.complaint.received.v1\"],\"url\":\"" + url
                        + "\",\"contactEmail\":\"bench@example.com\",\"description\":\"suite benchmark\"}")));
    }

    private static String firstCustomerOf(String gatewayUrl, String token, String ownerId)
            throws IOException, InterruptedException {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/customers?ownerId="
                + ownerId + "&size=1")).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\s*:\s*\"([^\"]+)\"").matcher(page.body());
        if (page.statusCode() != 200 || !id.find()) {
            throw new IllegalStateException("no demo customer of " + ownerId + ": " + page.statusCode() + " " + page.body());
        }
        return id.group(1);
    }

    private static Request complaint(String token, String customerId) {
        return new Request("POST", "/api/v1/complaints", token, "{\"channel\":\"PHONE\",\"category\":\"DELIVERY\","
                + "\"content\":\"Benchmark: delivery two days late\",\"customerId\":\"" + customerId + "\"}");
    }

    /**
     * An office day in miniature, cycled: customer searches and a profile, the agent's complaints and a new complaint,
     * a visit recorded by the account manager, a walk-in at the sales office's reception desk, the manager's inbox.
     */
    static List<Request> domainMix(String director, String agent, String sales, String salesCustomer) {
        String visitedAt = java.time.Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        List<Request> mix = new ArrayList<>();
        mix.add(new Request("GET", "/api/v1/customers?name=%E6%9C%89%E9%99%90&size=20", director, null));
        mix.add(new Request("GET", "/api/v1/customers/demo-customer-03", director, null));
        mix.add(new Request("GET", "/api/v1/complaints?size=20", agent, null));
        mix.add(complaint(agent, "demo-customer-05"));
        mix.add(new Request("POST", "/api/v1/visits", sales, "{\"customerId\":\"" + salesCustomer
                + "\",\"mode\":\"PHONE\",\"visitedAt\":\"" + visitedAt + "\",\"content\":\"Benchmark: call about the next order\"}"));
        mix.add(new Request("POST", "/api/v1/reception/offices/office-east-bund/walk-ins", sales,
                "{\"visitorName\":\"Benchmark Visitor\",\"visitedBefore\":\"NO\"}"));
        mix.add(new Request("GET", "/api/v1/notifications/inbox", sales, null));
        mix.add(new Request("GET", "/api/v1/customers?ownerId=demo-sales-2&size=20", director, null));
        return mix;
    }

    /** Every request of a run must succeed once before wrk repeats it: a benchmark of 4xx answers measures nothing. */
    static void preflight(String baseUrl, List<Request> requests) throws IOException, InterruptedException {
        for (Request request : requests) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + request.token())
                    .header("Accept", "application/json");
            if (request.body() == null) {
                builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                builder.header("Content-Type", "application/json")
                        .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
            }
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + baseUrl + request.path() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** A second customer-service JVM, configured as the launcher configures the first, registered in Eureka. */
    static final class SecondInstance implements AutoCloseable {

        private final Process process;
        private final int port;

        private SecondInstance(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static SecondInstance start(Path home, RunningSuite suite, String module) throws IOException {
            Path jar;
            try (var files = Files.list(home.resolve(module).resolve("target"))) {
                jar = files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no runnable jar of " + module));
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JvmDefaults.options(128));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Files.createTempFile("customer-service-2-", ".log").toFile());
            Map<String, String> env = builder.environment();
            env.put("SPRING_PROFILES_ACTIVE", "local");
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("SPRING_MONGODB_URI", suite.mongoUri());
            env.put("SPRING_RABBITMQ_HOST", suite.amqpHost());
            env.put("SPRING_RABBITMQ_PORT", Integer.toString(suite.amqpPort()));
            env.put("EUREKA_URL", "http://localhost:" + suite.member("discovery").port() + "/eureka/");
            env.put("CRM_SECURITY_ISSUER", "http://localhost:" + suite.member("identity").port());
            return new SecondInstance(builder.start(), port);
        }

        long pid() {
            return process.pid();
        }

        /** Waits until the gateway's pings have reached two different instances of the service. */
        void awaitRouted(String gatewayUrl, String token, Duration within) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            Set<String> seen = new HashSet<>();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the second customer-service exited with " + process.exitValue());
                }
                HttpResponse<String> ping = HTTP.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/customers/ping"))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher instance = INSTANCE.matcher(ping.body());
                if (ping.statusCode() == 200 && instance.find()) {
                    seen.add(instance.group(1));
                    if (seen.size() >= 2) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the gateway did not route to a second customer-service (port " + port
                    + ") within " + within + "; instances seen: " + seen);
        }

        @Override
        public void close() throws InterruptedException {
            process.toHandle().destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Resident memory (VmRSS) of a JVM, from /proc. */
    static final class ResidentKb {

        static long of(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or gone
            }
            return -1;
        }

        static long ofLauncher(RunningSuite suite) {
            return suite.launcherPid().map(ResidentKb::of).orElse(-1L);
        }
    }

    /** The result table as markdown, and its place in docs/benchmarks.md. */
    static final class Report {

        static String markdown(Options options, Outcome o) {
            StringBuilder md = new StringBuilder();
            md.append(String.format(Locale.ROOT, "Run %s%s on %d cores, %s memory, Java %s, %s; every JVM with the launcher's "
                    + "default flags (`%s`, heap 128 MB).%n%n", LocalDate.now(), options.smoke() ? " (SMOKE: 2 s steps, figures "
                    + "not meaningful)" : "", Runtime.getRuntime().availableProcessors(), memory(),
                    System.getProperty("java.version"), "wrk 4.1.0 (2 threads), closed loop", String.join(" ", JvmDefaults.options(128))));
            md.append(String.format(Locale.ROOT, "Measured once the suite had settled after start-up: %.0f s after all "
                    + "healthy (at least %d s for the start-up jobs, then until its JVMs used under %.2f cores over %d s).%n%n",
                    o.settleSeconds(), options.smoke() ? 0 : SETTLE_AT_LEAST.toSeconds(), SETTLED_CORES,
                    SETTLE_WINDOW.toSeconds()));
            String tokenCache = System.getenv("CRM_GATEWAY_VERIFIEDTOKENS_MAXAGE");
            md.append("Gateway verified-token cache (`crm.gateway.verified-tokens.max-age`): ").append(tokenCache == null
                    ? "default (60s)" : "0".equals(tokenCache) || "0s".equals(tokenCache) ? "OFF (every request's signature verified)"
                    : tokenCache).append(".\n\n");
            md.append("| measure | connections | req/s | p50 ms | p99 ms | errors | busiest JVM (cores) | wrk CPU (cores) |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            List<Result> rows = new ArrayList<>(List.of(o.direct(), o.viaGateway(), o.intake()));
            rows.addAll(o.mix());
            rows.add(o.oneInstance());
            rows.add(o.twoInstances());
            for (Result r : rows) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %d | %s | %.2f |%n", r.label(),
                        r.connections(), r.requestsPerSecond(), r.p50Ms(), r.p99Ms(), r.errors(), r.busiest(), r.wrkCpuCores()));
            }
            md.append('\n');
            md.append(String.format(Locale.ROOT, "- **Gateway overhead:** through the gateway %.0f %% of direct throughput "
                    + "(goal ≥ 70 %%); added p50 %.2f ms (goal ≤ 1 ms), added p99 %.2f ms.%n",
                    100 * o.viaGateway().requestsPerSecond() / o.direct().requestsPerSecond(),
                    o.viaGateway().p50Ms() - o.direct().p50Ms(), o.viaGateway().p99Ms() - o.direct().p99Ms()));
            Result sustained = o.mix().stream().filter(r -> r.p99Ms() < 100 && r.errors() == 0)
                    .max(java.util.Comparator.comparingDouble(Result::requestsPerSecond)).orElse(null);
            md.append(sustained == null ? "- **Domain mix:** no step kept p99 under 100 ms.\n"
                    : String.format(Locale.ROOT, "- **Domain mix:** %.0f requests/s sustained at p99 < 100 ms (%d connections); "
                            + "busiest JVM there: %s.%n", sustained.requestsPerSecond(), sustained.connections(), sustained.busiest()));
            md.append("  Mix (cycled in this order): ").append(String.join("; ", o.mixRequests())).append(".\n");
            List<String> events = new ArrayList<>();
            for (EventLatency e : o.mixEvents()) {
                events.add(String.format(Locale.ROOT, "%d connections: %d events, p50 %.0f ms, p99 %.0f ms", e.connections(),
                        e.events(), e.p50Ms(), e.p99Ms()));
            }
            md.append("- **Event latency** (complaint received by complaint-service → its `crm.complaint.received.v1` "
                    + "webhook at a partner endpoint on loopback, through the outbox, RabbitMQ and notification-service), "
                    + "for the complaints each mix step filed: ").append(String.join("; ", events)).append(".\n");
            md.append(String.format(Locale.ROOT, "- **Scaling:** customer search with 2 instances %.2f× the throughput of 1.%n",
                    o.twoInstances().requestsPerSecond() / o.oneInstance().requestsPerSecond()));
            long total = o.residentKb().values().stream().filter(kb -> kb > 0).mapToLong(Long::longValue).sum();
            md.append(String.format(Locale.ROOT, "- **Footprint:** cold start to all healthy %.1f s (goal < 60 s; class-data "
                    + "sharing: %s); resident memory %.2f GB in all (goal < 3 GB): ", o.coldStartSeconds(),
                    o.classDataSharing(), total / 1024.0 / 1024.0));
            List<String> parts = new ArrayList<>();
            o.residentKb().forEach((name, kb) -> parts.add(String.format(Locale.ROOT, "%s %d MB", name, kb / 1024)));
            md.append(String.join(", ", parts)).append(".\n");
            return md.toString();
        }

        private static String memory() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                    if (line.startsWith("MemTotal:")) {
                        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        return String.format(Locale.ROOT, "%.0f GiB", kb / 1024.0 / 1024.0);
                    }
                }
            } catch (IOException e) {
                // not Linux
            }
            return "unknown";
        }

        static void writeInto(Path docs, String table) throws IOException {
            String text = Files.readString(docs);
            int start = text.indexOf(START_MARKER);
            int end = text.indexOf(END_MARKER);
            if (start < 0 || end < start) {
                throw new IllegalStateException(docs + " has no " + START_MARKER + " … " + END_MARKER + " section");
            }
            Files.writeString(docs, text.substring(0, start + START_MARKER.length()) + "\n" + table
                    + text.substring(end));
        }
    }
}
