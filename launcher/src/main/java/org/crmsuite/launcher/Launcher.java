package org.crmsuite.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The one command that runs the whole suite locally: MongoDB and an AMQP broker (embedded in this JVM unless given
 * or already running), then discovery, the services and the gateway as child JVMs, each healthy before the next
 * group starts. Ctrl-C (or SIGTERM) stops everything it started. See docs/operations.md.
 */
public final class Launcher {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration BROKER_PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final int DEFAULT_MONGO_PORT = 27017;
    private static final int DEFAULT_AMQP_PORT = 5672;
    private static final int LOG_TAIL_LINES = 40;
    /** Added to the stop's grace period while the JVMs write their class-data archives (ClassDataSharing). */
    private static final Duration ARCHIVE_WRITING = Duration.ofSeconds(100);

    private final Settings settings;
    private final List<Module> modules;
    private final PrintStream out;
    private final Http http = new Http();
    private final Instant launched;
    private final Path workingDir = Path.of("").toAbsolutePath();

    private final Object lifecycle = new Object();
    private final List<ChildJvm> children = new CopyOnWriteArrayList<>();
    private final Map<String, ClassDataSharing.Start> cdsStarts = new ConcurrentHashMap<>();
    private boolean stopping;
    private volatile EmbeddedMongo mongo;
    private volatile EmbeddedBroker broker;
    private RunRecord runRecord;

    Launcher(Settings settings, List<Module> modules, PrintStream out) {
        this.settings = settings;
        this.modules = List.copyOf(modules);
        this.out = out;
        this.launched = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(Settings.USAGE);
            return;
        }
        Settings settings;
        try {
            settings = Settings.from(args, System.getenv(), Path.of(""), classPath());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Settings.USAGE);
            System.exit(2);
            return;
        }
        // before the first logger exists: the embedded servers log to <data>/logs/launcher.log, not the console
        System.setProperty("crm.launcher.log", settings.dataDir().resolve("logs").resolve("launcher.log").toString());
        System.setProperty("logback.configurationFile", "launcher-logback.xml");

        Launcher launcher = new Launcher(settings, Suite.MODULES, System.out);
        try {
            launcher.start();
        } catch (StartFailure failure) {
            launcher.report(failure);
            System.exit(1);
        } catch (Stopping stopping) {
            return; // Ctrl-C while starting: the shutdown hook stops what was started
        } catch (Exception unexpected) {
            System.out.println("FAILED   " + unexpected);
            unexpected.printStackTrace(System.out);
            System.exit(1);
        }
        launcher.awaitSignal();
    }

    void start() throws Exception {
        Path logDir = settings.dataDir().resolve("logs");
        Files.createDirectories(logDir);
        guardDataFolder();

        Map<String, Path> jars = locateJars();
        prepareClassDataSharing(jars);
        Map<String, Integer> ports = Ports.assign(modules, settings.randomPorts());
        if (!settings.randomPorts()) {
            requireFree(ports);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "crm-launcher-stop"));

        out.printf("CRM suite: starting %d modules from %s%n", modules.size(), settings.home());
        out.printf("data      %s  (logs in %s)%n", shown(settings.dataDir()), shown(logDir));
        Infrastructure infrastructure = planInfrastructure();

        int discoveryPort = ports.get(Suite.DISCOVERY);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("SPRING_MONGODB_URI", infrastructure.mongoUri());
        environment.put("SPRING_RABBITMQ_HOST", infrastructure.amqpHost());
        environment.put("SPRING_RABBITMQ_PORT", Integer.toString(infrastructure.amqpPort()));
        environment.put("EUREKA_URL", "http://localhost:" + discoveryPort + "/eureka/");
        if (ports.containsKey(Suite.IDENTITY)) {
            String issuer = "http://localhost:" + ports.get(Suite.IDENTITY);
            environment.put("CRM_IDENTITY_ISSUER", issuer); // what identity puts in its tokens
            environment.put("CRM_SECURITY_ISSUER", issuer); // what the gateway and services accept
            environment.put("CRM_CONSOLE_ISSUER", issuer); // where the console sends people to log in
        }
        if (ports.containsKey(Suite.CONSOLE)) {
            environment.putAll(consoleEnvironment(ports.get(Suite.GATEWAY)));
        }

        int healthy = 0;
        boolean infrastructureStarted = false;
        for (int group : Suite.startGroups(modules)) {
            List<ChildJvm> started = new ArrayList<>();
            for (Module module : modules) {
                if (module.startGroup() == group) {
                    started.add(spawn(module, ports.get(module.name()), jars.get(module.name()), environment, logDir));
                }
            }
            if (!infrastructureStarted) {
                // the first group (discovery) needs neither; its JVM boots while they start in this one
                startEmbeddedServers(infrastructure);
                infrastructureStarted = true;
            }
            healthy = awaitHealthy(started, healthy);
        }
        int gatewayPort = ports.get(Suite.GATEWAY);
        awaitRoutes(ports);

        out.printf(Locale.ROOT, "CRM suite is up: http://localhost:%d  (all %d healthy in %.1f s)%n", gatewayPort,
                modules.size(), seconds(Duration.between(launched, Instant.now())));
        if (ports.containsKey(Suite.CONSOLE)) {
            out.printf("console   open %s in a browser  (demo logins: docs/identity.md)%n", consoleUrl(gatewayPort));
        }
        printResidentMemory();
        out.println("Ctrl-C stops the suite.");
        watchForExits();
    }

    /**
     * The console as browsers reach it: through the gateway, on the loopback IP literal (identity refuses a
     * {@code localhost} redirect URI on another port, but accepts {@code 127.0.0.1} on any port).
     */
    static String consoleUrl(int gatewayPort) {
        return "http://127.0.0.1:" + gatewayPort + "/console/";
    }

    /**
     * What the console and identity need to know about each other, given the gateway's actual port: the console calls
     * the APIs through the gateway (its identity and issuer settings come with the issuer, above); identity accepts
     * the console's redirect on any 127.0.0.1 port, but its address after logout only exactly as registered.
     */
    static Map<String, String> consoleEnvironment(int gatewayPort) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CRM_CONSOLE_GATEWAY_URL", "http://localhost:" + gatewayPort);
        environment.put("CRM_CONSOLE_REDIRECT_URIS", consoleUrl(gatewayPort) + "login/oauth2/code/crm-console");
        environment.put("CRM_CONSOLE_POST_LOGOUT_URIS", consoleUrl(gatewayPort));
        return environment;
    }

    /** One launcher per data folder; JVMs left by a launcher that was killed outright are stopped first. */
    private void guardDataFolder() throws IOException, StartFailure {
        runRecord = new RunRecord(settings.dataDir());
        Optional<Long> other = runRecord.liveLauncher();
        if (other.isPresent()) {
            runRecord = null; // not ours to clear
            throw new StartFailure("another launcher (pid " + other.get() + ") is running on the data folder "
                    + shown(settings.dataDir()) + "; stop it, or set CRM_DATA_DIR to another folder");
        }
        List<String> leftovers = runRecord.stopLeftovers();
        if (!leftovers.isEmpty()) {
            out.println("stopped  JVMs left running by an earlier launcher: " + String.join(", ", leftovers));
        }
        runRecord.recordLauncher();
    }

    private Map<String, Path> locateJars() throws IOException, StartFailure {
        Map<String, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Module module : modules) {
            Optional<Path> jar = runnableJar(settings.home(), module.name());
            if (jar.isPresent()) {
                jars.put(module.name(), jar.get());
            } else {
                missing.add(module.name() + "/target/" + module.name() + "-*-exec.jar");
            }
        }
        if (!missing.isEmpty()) {
            throw new StartFailure("no runnable jar for " + String.join(", ", missing) + " under " + settings.home()
                    + "; build first: ./mvnw -B -DskipTests package (run-suite.sh does this)");
        }
        return jars;
    }

    static Optional<Path> runnableJar(Path home, String module) throws IOException {
        Path target = home.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(module + "-") && name.endsWith("-exec.jar");
            }).max(Comparator.comparingLong(file -> file.toFile().lastModified()));
        }
    }

    private void requireFree(Map<String, Integer> ports) throws StartFailure {
        List<String> taken = new ArrayList<>();
        ports.forEach((module, port) -> {
            if (!Ports.isFree(port)) {
                taken.add(module + " " + port);
            }
        });
        if (!taken.isEmpty()) {
            throw new StartFailure("port(s) already in use: " + String.join(", ", taken)
                    + " (is the suite already running?); stop what holds them, or use --random-ports");
        }
    }

    /**
     * Where MongoDB and the broker are, decided before any JVM starts: given by the environment, a broker already
     * answering on 127.0.0.1:5672, or embedded in this JVM on a port chosen now (started by
     * {@link #startEmbeddedServers}).
     */
    private Infrastructure planInfrastructure() {
        Optional<String> givenMongo = settings.mongoUri();
        int mongoPort = givenMongo.isPresent() ? -1
                : settings.randomPorts() ? Ports.free() : Ports.preferredOrFree(DEFAULT_MONGO_PORT);
        String mongoUri = givenMongo.orElse("mongodb://127.0.0.1:" + mongoPort);
        String mongoNote = givenMongo.isPresent() ? "given by SPRING_MONGODB_URI/CRM_MONGODB_URI" : null;

        if (settings.rabbitHost().isPresent()) {
            return new Infrastructure(mongoUri, mongoPort, mongoNote, settings.rabbitHost().get(),
                    settings.rabbitPort(), false, "given by SPRING_RABBITMQ_HOST");
        }
        if (!settings.embeddedBrokerAlways()
                && AmqpProbe.brokerAnswers("127.0.0.1", DEFAULT_AMQP_PORT, BROKER_PROBE_TIMEOUT)) {
            return new Infrastructure(mongoUri, mongoPort, mongoNote, "127.0.0.1", DEFAULT_AMQP_PORT, false,
                    "a broker already answers there; using it");
        }
        int amqpPort = settings.randomPorts() ? Ports.free() : Ports.preferredOrFree(DEFAULT_AMQP_PORT);
        return new Infrastructure(mongoUri, mongoPort, mongoNote, "127.0.0.1", amqpPort, true, null);
    }

    private void startEmbeddedServers(Infrastructure infrastructure) throws StartFailure {
        if (infrastructure.embeddedMongo()) {
            Path file = settings.dataDir().resolve("mongodb").resolve("crm.mv.db");
            try {
                mongo = EmbeddedMongo.start(file, infrastructure.mongoPort());
            } catch (Exception e) {
                throw new StartFailure("the embedded MongoDB did not start on 127.0.0.1:" + infrastructure.mongoPort()
                        + " with " + shown(file) + ": " + e.getMessage());
            }
            out.println("MongoDB   " + mongo.uri() + "  (embedded, data in " + shown(file) + ")");
        } else {
            out.println("MongoDB   " + infrastructure.mongoUri() + "  (" + infrastructure.mongoNote() + ")");
        }
        String amqp = infrastructure.amqpHost() + ":" + infrastructure.amqpPort();
        if (!infrastructure.embeddedBroker()) {
            out.println("AMQP      " + amqp + "  (" + infrastructure.amqpNote() + ")");
            return;
        }
        long begin = System.nanoTime();
        try {
            broker = EmbeddedBroker.start(settings.dataDir().resolve("amqp"), infrastructure.amqpPort());
        } catch (Exception e) {
            throw new StartFailure("the embedded AMQP broker did not start on " + amqp + ": " + e + " (see "
                    + shown(settings.dataDir().resolve("logs").resolve("launcher.log")) + ")");
        }
        out.printf(Locale.ROOT, "AMQP      %s  (embedded Qpid Broker-J, memory store, guest/guest; started in %.1f s)%n",
                amqp, seconds(Duration.ofNanos(System.nanoTime() - begin)));
    }

    /**
     * Extracts the jars for class-data sharing where needed (two at a time: it is the first run's cost) and says how
     * the JVMs start: from archives of an earlier run, or writing them this time.
     */
    private void prepareClassDataSharing(Map<String, Path> jars) throws InterruptedException {
        ClassDataSharing cds = new ClassDataSharing(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                settings.classDataSharing());
        long begin = System.nanoTime();
        ExecutorService extracting = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<ClassDataSharing.Start>> prepared = new LinkedHashMap<>();
            jars.forEach((module, jar) -> prepared.put(module, extracting.submit(() -> cds.prepare(module, jar))));
            for (Map.Entry<String, Future<ClassDataSharing.Start>> entry : prepared.entrySet()) {
                try {
                    cdsStarts.put(entry.getKey(), entry.getValue().get());
                } catch (java.util.concurrent.ExecutionException e) {
                    cdsStarts.put(entry.getKey(), ClassDataSharing.off(jars.get(entry.getKey())));
                }
            }
        } finally {
            extracting.shutdownNow();
        }
        Map<ClassDataSharing.Mode, Long> modes = new java.util.EnumMap<>(ClassDataSharing.Mode.class);
        cdsStarts.values().forEach(start -> modes.merge(start.mode(), 1L, Long::sum));
        if (!settings.classDataSharing()) {
            out.println("CDS       off (CRM_CDS=false): the JVMs start from the runnable jars");
            return;
        }
        out.printf(Locale.ROOT, "CDS       %d JVMs from class-data archives of an earlier run%s%s  (%.1f s)%n",
                modes.getOrDefault(ClassDataSharing.Mode.USING, 0L),
                modes.containsKey(ClassDataSharing.Mode.WRITING) ? ", " + modes.get(ClassDataSharing.Mode.WRITING)
                        + " writing theirs when the suite stops (the next start is faster)" : "",
                modes.containsKey(ClassDataSharing.Mode.OFF) ? ", " + modes.get(ClassDataSharing.Mode.OFF)
                        + " without (the jar could not be extracted)" : "",
                seconds(Duration.ofNanos(System.nanoTime() - begin)));
    }

    private ChildJvm spawn(Module module, int port, Path jar, Map<String, String> environment, Path logDir)
            throws IOException, Stopping {
        Map<String, String> own = new LinkedHashMap<>(environment);
        own.put("SERVER_PORT", Integer.toString(port));
        List<String> jvmOptions = new ArrayList<>(
                settings.jvmOptions().orElseGet(() -> ChildJvm.defaultJvmOptions(module)));
        ClassDataSharing.Start cds = cdsStarts.get(module.name());
        Path runnable = jar;
        if (cds != null) {
            jvmOptions.addAll(cds.jvmOptions());
            runnable = cds.jar();
        }
        synchronized (lifecycle) {
            if (stopping) {
                throw new Stopping();
            }
            ChildJvm child = ChildJvm.start(module, port, runnable, jvmOptions, own, logDir);
            children.add(child);
            runRecord.recordChild(child, runnable);
            return child;
        }
    }

    private int awaitHealthy(List<ChildJvm> starting, int healthySoFar) throws StartFailure, Stopping {
        List<ChildJvm> pending = new ArrayList<>(starting);
        int healthy = healthySoFar;
        while (!pending.isEmpty()) {
            for (ChildJvm child : List.copyOf(pending)) {
                checkNotStopping();
                if (!child.isAlive()) {
                    throw new StartFailure(child, "exited with code " + child.process().exitValue()
                            + " before it was healthy");
                }
                if (http.isUp(child.port(), child.module().healthPath())) {
                    pending.remove(child);
                    healthy++;
                    out.printf(Locale.ROOT, "[%2d/%d] %-21s UP  %-23s (%5.1f s)  pid %d%n", healthy, modules.size(),
                            child.name(), "http://localhost:" + child.port(),
                            seconds(Duration.between(launched, Instant.now())), child.pid());
                } else if (child.sinceStart().compareTo(settings.startTimeout()) > 0) {
                    throw new StartFailure(child, "not healthy after " + settings.startTimeout().toSeconds()
                            + " s; " + child.module().healthPath() + " answers: "
                            + http.healthSummary(child.port(), child.module().healthPath()));
                }
            }
            sleep(POLL);
        }
        return healthy;
    }

    /**
     * Healthy is not yet routable: the gateway must have fetched each module from Eureka. Each ping goes through the
     * gateway with a token from identity (the gateway refuses requests without one).
     */
    private void awaitRoutes(Map<String, Integer> ports) throws StartFailure, Stopping {
        int gatewayPort = ports.get(Suite.GATEWAY);
        ChildJvm gateway = child(Suite.GATEWAY).orElseThrow();
        Optional<ChildJvm> identity = child(Suite.IDENTITY);
        List<Module> pending = new ArrayList<>(modules.stream().filter(Module::routedThroughGateway).toList());
        int total = pending.size();
        long begin = System.nanoTime();
        String token = null;
        while (!pending.isEmpty()) {
            checkNotStopping();
            if (identity.isPresent() && token == null) {
                token = http.clientCredentialsToken(identity.get().port(), Suite.ROUTE_CHECK_CLIENT,
                        settings.routeCheckSecret());
            }
            if (identity.isEmpty() || token != null) {
                for (Module module : List.copyOf(pending)) {
                    if (http.answersPing(gatewayPort, module, token)) {
                        pending.remove(module);
                    }
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (!gateway.isAlive()) {
                throw new StartFailure(gateway, "exited with code " + gateway.process().exitValue());
            }
            if (Duration.ofNanos(System.nanoTime() - begin).compareTo(settings.startTimeout()) > 0) {
                if (identity.isPresent() && token == null) {
                    throw new StartFailure(identity.get(), "gives no token to " + Suite.ROUTE_CHECK_CLIENT
                            + " (client credentials; secret from " + Suite.ROUTE_CHECK_SECRET_VARIABLE + ")");
                }
                throw new StartFailure(gateway, "does not route to " + pending.stream().map(Module::name).toList()
                        + " after " + settings.startTimeout().toSeconds() + " s (ping through the gateway)");
            }
            sleep(POLL);
        }
        out.printf(Locale.ROOT, "routes    %d/%d modules answer their ping through the gateway  (%.1f s)%n", total,
                total, seconds(Duration.between(launched, Instant.now())));
    }

    private Optional<ChildJvm> child(String name) {
        return children.stream().filter(child -> child.name().equals(name)).findFirst();
    }

    /** Resident memory, and the CPU time each JVM took to get here (what a busy machine stretches into wall time). */
    private void printResidentMemory() {
        out.println();
        out.printf("  %-32s %8s %6s %10s %9s%n", "resident memory (VmRSS)", "pid", "port", "resident", "cpu");
        long total = 0;
        for (ChildJvm child : children) {
            OptionalLong kb = ResidentMemory.kilobytes(child.pid());
            total += kb.orElse(0);
            out.printf("  %-32s %8d %6d %10s %9s%n", child.name(), child.pid(), child.port(),
                    kb.isPresent() ? ResidentMemory.format(kb.getAsLong()) : "n/a", cpu(child.process().toHandle()));
        }
        ProcessHandle self = ProcessHandle.current();
        OptionalLong launcherKb = ResidentMemory.kilobytes(self.pid());
        total += launcherKb.orElse(0);
        String label = mongo != null || broker != null
                ? "launcher (" + (mongo != null ? "MongoDB" : "") + (mongo != null && broker != null ? ", " : "")
                        + (broker != null ? "AMQP broker" : "") + ")"
                : "launcher";
        out.printf("  %-32s %8d %6s %10s %9s%n", label, self.pid(), "-",
                launcherKb.isPresent() ? ResidentMemory.format(launcherKb.getAsLong()) : "n/a", cpu(self));
        out.printf("  %-32s %8s %6s %10s%n", "total", "", "", total > 0 ? ResidentMemory.format(total) : "n/a");
        out.println();
    }

    private static String cpu(ProcessHandle process) {
        return process.info().totalCpuDuration()
                .map(cpu -> String.format(Locale.ROOT, "%.1f s", seconds(cpu)))
                .orElse("n/a");
    }

    /** After start-up a child that dies is reported; the rest keep running so the others stay usable. */
    private void watchForExits() {
        for (ChildJvm child : children) {
            child.process().onExit().thenAccept(process -> {
                synchronized (lifecycle) {
                    if (stopping) {
                        return;
                    }
                }
                out.printf("EXITED   %s (pid %d) exited with code %d; see %s%n", child.name(), child.pid(),
                        process.exitValue(), shown(child.log()));
            });
        }
    }

    private void awaitSignal() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shutdown hook: SIGTERM to every child, last group first, a grace period, then SIGKILL; then the servers. */
    void stop() {
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        long alive = children.stream().filter(ChildJvm::isAlive).count();
        out.println("stopping " + alive + " JVM" + (alive == 1 ? "" : "s")
                + (mongo != null || broker != null ? " and the embedded servers" : "") + " ...");
        Duration grace = settings.stopTimeout();
        if (children.stream().anyMatch(child -> writesArchive(child))) {
            // a JVM writes its class-data archive as it exits: seconds of CPU each, all of them at once
            grace = grace.plus(ARCHIVE_WRITING);
            out.println("CDS       the JVMs write their class-data archives as they exit (first run only) ...");
        }
        Instant deadline = Instant.now().plus(grace);
        List<Integer> groups = new ArrayList<>(Suite.startGroups(modules));
        groups.sort(Comparator.reverseOrder());
        for (int group : groups) {
            List<ChildJvm> inGroup = children.stream()
                    .filter(child -> child.module().startGroup() == group && child.isAlive()).toList();
            inGroup.forEach(ChildJvm::requestStop);
            for (ChildJvm child : inGroup) {
                child.awaitExit(Duration.between(Instant.now(), deadline));
            }
        }
        List<ChildJvm> killed = new ArrayList<>();
        for (ChildJvm child : children) {
            if (child.isAlive()) {
                out.printf("killing  %s (pid %d): not stopped within %d s%n", child.name(), child.pid(),
                        grace.toSeconds());
                child.kill();
                killed.add(child);
            }
        }
        // only a JVM that exited by itself finished its archive; a killed one's is discarded and written next time
        long archived = children.stream().filter(child -> !killed.contains(child))
                .map(child -> cdsStarts.get(child.name()))
                .filter(start -> start != null && start.keepArchive()).count();
        killed.stream().map(child -> cdsStarts.get(child.name())).filter(start -> start != null)
                .forEach(ClassDataSharing.Start::discardArchive);
        if (archived > 0) {
            out.println("CDS       class-data archives written for " + archived + " JVM" + (archived == 1 ? "" : "s")
                    + ": the next start uses them");
        }
        closeQuietly(broker, "AMQP broker");
        closeQuietly(mongo, "MongoDB");
        if (runRecord != null) {
            runRecord.clear();
        }
        out.println("stopped");
        out.flush();
    }

    private boolean writesArchive(ChildJvm child) {
        ClassDataSharing.Start start = cdsStarts.get(child.name());
        return child.isAlive() && start != null && start.mode() == ClassDataSharing.Mode.WRITING;
    }

    private void closeQuietly(AutoCloseable server, String what) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            out.println("could not stop the embedded " + what + " cleanly: " + e);
        }
    }

    private void report(StartFailure failure) {
        out.println();
        if (failure.child == null) {
            out.println("FAILED   " + failure.getMessage());
            return;
        }
        ChildJvm child = failure.child;
        out.printf("FAILED   %s (pid %d, port %d) %s%n", child.name(), child.pid(), child.port(), failure.getMessage());
        if (!child.isAlive()) {
            child.rootCause().ifPresent(cause -> out.println("cause    " + cause));
        }
        out.printf("-------- last %d lines of %s --------%n", LOG_TAIL_LINES, shown(child.log()));
        child.logTail(LOG_TAIL_LINES).forEach(out::println);
        out.println("-------- end of " + shown(child.log()) + " --------");
    }

    private void checkNotStopping() throws Stopping {
        synchronized (lifecycle) {
            if (stopping) {
                throw new Stopping();
            }
        }
    }

    private String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(workingDir) && !absolute.equals(workingDir)
                ? workingDir.relativize(absolute).toString()
                : absolute.toString();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Path> classPath() {
        return Stream.of(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList();
    }

    /** Where MongoDB and the broker are; a MongoDB port of -1: given, not embedded. A note says why not embedded. */
    record Infrastructure(String mongoUri, int mongoPort, String mongoNote, String amqpHost, int amqpPort,
            boolean embeddedBroker, String amqpNote) {

        boolean embeddedMongo() {
            return mongoPort > 0;
        }
    }

    /** Start-up cannot go on: what failed, and the child whose log explains it (if any). */
    static final class StartFailure extends Exception {

        private final transient ChildJvm child;

        StartFailure(String message) {
            this(null, message);
        }

        StartFailure(ChildJvm child, String message) {
            super(message);
            this.child = child;
        }
    }

    /** Ctrl-C arrived while starting; the shutdown hook is already stopping everything. */
    static final class Stopping extends Exception {

        Stopping() {
            super(null, null, false, false);
        }
    }
}
