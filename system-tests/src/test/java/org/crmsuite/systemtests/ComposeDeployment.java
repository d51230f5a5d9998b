package org.crmsuite.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment as the repository describes it (the root pom's modules, {@code docker-compose.yml}, each module's
 * {@code Dockerfile} and the {@code docker} profile of its {@code application.yml}) and the rules it must keep.
 * Each rule returns the problems it finds, each naming the service, file or setting at fault; no network, no Docker.
 * The model is mutable on purpose: a test breaks one thing and checks that the rule guarding it notices.
 */
final class ComposeDeployment {

    /** Modules of the root pom that are not deployed as containers. */
    static final Set<String> NOT_DEPLOYED = Set.of("platform", "test-support", "launcher", "system-tests", "reliability-tests");
    static final String REGISTRY = "discovery";
    static final String EDGE = "gateway";
    static final String IDENTITY = "identity";
    /** The staff console: a service behind the edge, and a client of identity's that browsers are sent back to. */
    static final String CONSOLE = "console";
    static final String MONGO = "mongo";
    static final String RABBITMQ = "rabbitmq";
    static final String READINESS = "/actuator/health/readiness";
    static final String EUREKA_URL = "http://" + REGISTRY + ":8761/eureka/";
    /** A credential's default in the compose file must say it is for a local machine. */
    static final String LOCAL_MARK = "local";

    /**
     * The only ports published on the host: the gateway for clients, the identity provider's login pages (browsers
     * and apps must reach its authorize endpoint), the operator consoles on loopback only.
     */
    static final List<PublishRule> PUBLISHABLE = List.of(
            new PublishRule(EDGE, 8080, false),
            new PublishRule("identity", 9000, false),
            new PublishRule("keycloak", 8080, true),
            new PublishRule(REGISTRY, 8761, true),
            new PublishRule(RABBITMQ, 15672, true));

    record PublishRule(String service, int containerPort, boolean loopbackOnly) {
    }

    record Published(String hostIp, int containerPort) {
        boolean onLoopback() {
            return Set.of("127.0.0.1", "localhost", "::1", "[::1]").contains(hostIp);
        }
    }

    private static final Set<String> MONGO_KEYS = Set.of("SPRING_MONGODB_URI");
    private static final Set<String> RABBITMQ_KEYS = Set.of("SPRING_RABBITMQ_HOST", "SPRING_RABBITMQ_PORT",
            "SPRING_RABBITMQ_USERNAME", "SPRING_RABBITMQ_PASSWORD");
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)(?!.*(uri|url)$).*(pass|secret|token|credential|api[_-]?key|private[_-]?key).*"); // an endpoint's address is no secret
    private static final Pattern INTERPOLATION = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");
    /** An interpolation whose default holds no other one (resolved first). */
    private static final Pattern INNERMOST_INTERPOLATION = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:(?!\\$\\{)[^}])*))?}");
    private static final Pattern URI_WITH_PASSWORD = Pattern.compile("[a-z][a-z0-9+.-]*://[^/\\s:@]+:([^@\\s]+)@");
    private static final Pattern ARG_REFERENCE = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Path root;
    private final List<String> deployableModules;
    private final String version;
    private final Map<String, Object> compose;
    private final Map<Path, UnaryOperator<String>> edits = new HashMap<>();

    private ComposeDeployment(Path root, List<String> deployableModules, String version, Map<String, Object> compose) {
        this.root = root;
        this.deployableModules = deployableModules;
        this.version = version;
        this.compose = compose;
    }

    static ComposeDeployment load(Path root) {
        Path pom = root.resolve("pom.xml");
        Element project = parseXml(pom);
        Element modulesElement = child(project, "modules")
                .orElseThrow(() -> new IllegalStateException(pom + " has no <modules>"));
        List<String> modules = children(modulesElement, "module").stream().map(e -> e.getTextContent().trim())
                .filter(module -> !NOT_DEPLOYED.contains(module))
                .collect(Collectors.toCollection(ArrayList::new));
        String version = child(project, "version").map(e -> e.getTextContent().trim())
                .orElseThrow(() -> new IllegalStateException(pom + " has no <version>"));
        Object compose = yaml().load(read(root.resolve("docker-compose.yml")));
        return new ComposeDeployment(root, modules, version, map(compose));
    }

    // ---- for tests that break one thing ------------------------------------------------------------------------

    List<String> deployableModules() {
        return deployableModules;
    }

    /** The mutable definition of one compose service (empty if there is none). */
    Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    /** Reads {@code relativePath} through {@code edit} from now on. */
    void editFile(String relativePath, UnaryOperator<String> edit) {
        edits.put(root.resolve(relativePath).normalize(), edit);
    }

    // ---- rules ----------------------------------------------------------------------------------------------------

    /** Every deployable module is a compose service built from its own Dockerfile, which copies its runnable jar. */
    List<String> imageProblems() {
        List<String> problems = new ArrayList<>();
        for (String module : deployableModules) {
            Object service = services().get(module);
            if (service == null) {
                problems.add("module " + module + " has no compose service named " + module);
                continue;
            }
            Optional<Build> build = build(module);
            if (build.isEmpty()) {
                problems.add(module + ": no build (the image must be built from " + module + "/Dockerfile)");
                continue;
            }
            Path dockerfile = build.get().dockerfile();
            Path expectedDockerfile = root.resolve(module).resolve("Dockerfile");
            if (!dockerfile.equals(expectedDockerfile)) {
                problems.add(module + ": built from " + root.relativize(dockerfile) + ", not from its module's "
                        + root.relativize(expectedDockerfile));
            }
            if (!Files.isRegularFile(dockerfile)) {
                problems.add(module + ": Dockerfile " + root.relativize(dockerfile) + " does not exist");
                continue;
            }
            problems.addAll(dockerfileProblems(module, dockerfile, build.get().contextDir()));
        }
        return problems;
    }

    record Build(Path contextDir, Path dockerfile) {
    }

    /** Where a service's image is built from: its build context and Dockerfile, as compose resolves them. */
    private Optional<Build> build(String serviceName) {
        Object build = service(serviceName).get("build");
        if (build == null) {
            return Optional.empty();
        }
        String context = build instanceof String s ? s : string(map(build).get("context"));
        String dockerfileName = build instanceof String ? null : string(map(build).get("dockerfile"));
        Path contextDir = root.resolve(context == null ? "." : interpolateDefaults(context)).normalize();
        Path dockerfile = contextDir
                .resolve(dockerfileName == null ? "Dockerfile" : interpolateDefaults(dockerfileName)).normalize();
        return Optional.of(new Build(contextDir, dockerfile));
    }

    private List<String> dockerfileProblems(String module, Path dockerfile, Path contextDir) {
        List<String> problems = new ArrayList<>();
        String where = module + ": " + root.relativize(dockerfile);
        List<Instruction> instructions = Instruction.parse(text(dockerfile));
        Map<String, String> args = new HashMap<>();
        instructions.stream().filter(i -> i.is("ARG") && i.args().contains("=")).forEach(i -> {
            String[] nameAndDefault = i.args().split("=", 2);
            args.put(nameAndDefault[0].trim(), unquote(nameAndDefault[1].trim()));
        });

        Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar").normalize();
        boolean copiesJar = instructions.stream().filter(i -> i.is("COPY") || i.is("ADD"))
                .flatMap(i -> i.sources().stream())
                .map(source -> contextDir.resolve(substituteArgs(source, args)).normalize())
                .anyMatch(jar::equals);
        if (!copiesJar) {
            problems.add(where + " does not COPY " + root.relativize(jar) + " (the module's runnable jar, version "
                    + version + " of the root pom)");
        } else if (dockerIgnoreExcludes(dockerfile, contextDir, contextDir.relativize(jar))) {
            problems.add(where + ": the .dockerignore of its build context leaves out " + root.relativize(jar));
        }

        List<Instruction> finalStage = finalStage(instructions);
        Optional<Integer> modulePort = modulePort(module);
        if (modulePort.isEmpty()) {
            problems.add(module + ": no server.port in " + module + "/src/main/resources/application.yml");
        }
        modulePort.ifPresent(port -> {
            boolean exposesPort = finalStage.stream().filter(i -> i.is("EXPOSE"))
                    .flatMap(i -> Stream.of(i.args().split("\\s+"))).map(p -> p.replaceAll("/.*", ""))
                    .anyMatch(String.valueOf(port)::equals);
            if (!exposesPort) {
                problems.add(where + " does not EXPOSE " + port + " (server.port of " + module + ")");
            }
            boolean setsPort = finalStage.stream().filter(i -> i.is("ENV"))
                    .anyMatch(i -> i.args().matches("(?s).*\\bSERVER_PORT[= ]\"?" + port + "\\b.*"));
            if (!setsPort) {
                problems.add(where + " does not set ENV SERVER_PORT=" + port + " (the port its health probe asks)");
            }
        });
        Optional<String> user = finalStage.stream().filter(i -> i.is("USER")).reduce((a, b) -> b).map(Instruction::args);
        if (user.isEmpty() || user.get().matches("(root|0)(:.*)?")) {
            problems.add(where + " runs as root (no USER with a non-root user in the final stage)");
        }
        if (finalStage.stream().noneMatch(i -> i.is("ENTRYPOINT") || i.is("CMD"))) {
            problems.add(where + " has no ENTRYPOINT");
        }
        return problems;
    }

    /**
     * Every deployable module's container reports healthy only when the module is ready for traffic, with a program
     * its image has: the base image promises no curl or wget, so the probe's program must be a shell or java, or be
     * named by an instruction of its Dockerfile (installed or copied in; comments do not count).
     */
    List<String> healthcheckProblems() {
        List<String> problems = new ArrayList<>();
        for (String module : deployedModules()) {
            Object healthcheck = service(module).get("healthcheck");
            if (healthcheck == null) {
                problems.add(module + ": no healthcheck");
                continue;
            }
            Object test = map(healthcheck).get("test");
            if (Boolean.TRUE.equals(map(healthcheck).get("disable")) || !flatten(test).contains(READINESS)) {
                problems.add(module + ": the healthcheck does not probe " + READINESS);
                continue;
            }
            String program = probeProgram(test);
            Optional<Path> dockerfile = build(module).map(Build::dockerfile).filter(Files::isRegularFile);
            if (!Set.of("bash", "sh", "java").contains(program)
                    && dockerfile.map(this::text).map(Instruction::parse).stream().flatMap(List::stream)
                            .noneMatch(instruction -> List.of(instruction.args().split("[\\s/]+")).contains(program))) {
                problems.add(module + ": the healthcheck runs " + program + ", which its Dockerfile does not install");
            }
        }
        return problems;
    }

    /** The program a healthcheck runs: the first word after CMD, or of the CMD-SHELL / string command. */
    private static String probeProgram(Object test) {
        List<String> words = new ArrayList<>();
        if (test instanceof List<?> list) {
            list.forEach(word -> words.add(String.valueOf(word)));
        } else {
            words.addAll(List.of("CMD-SHELL", String.valueOf(test)));
        }
        String command = words.size() > 1 ? words.get(1) : "";
        if (words.get(0).equals("CMD-SHELL")) {
            command = command.trim().split("\\s+")[0];
        }
        return Path.of(command.isEmpty() ? "?" : command).getFileName().toString();
    }

    /** Every container has a memory limit; every JVM sizes its heap below it. */
    List<String> memoryProblems() {
        List<String> problems = new ArrayList<>();
        services().forEach((name, definition) -> {
            Optional<Long> limit = memoryLimit(map(definition));
            if (limit.isEmpty()) {
                problems.add(name + ": no memory limit (deploy.resources.limits.memory)");
                return;
            }
            if (deployableModules.contains(name)) {
                Map<String, String> environment = environment(name);
                String jvmOptions = interpolateDefaults(environment.getOrDefault("JAVA_TOOL_OPTIONS",
                        environment.getOrDefault("JDK_JAVA_OPTIONS", "")));
                Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(jvmOptions);
                Matcher xmx = Pattern.compile("-Xmx([0-9]+[kKmMgG]?)").matcher(jvmOptions);
                if (percentage.find()) {
                    if (Double.parseDouble(percentage.group(1)) > 75) {
                        problems.add(name + ": MaxRAMPercentage " + percentage.group(1)
                                + " leaves too little of the limit for metaspace, threads and buffers");
                    }
                } else if (xmx.find()) {
                    if (bytes(xmx.group(1)) >= limit.get()) {
                        problems.add(name + ": -Xmx" + xmx.group(1) + " is not below the memory limit");
                    }
                } else {
                    problems.add(name + ": JAVA_TOOL_OPTIONS does not size the heap to the memory limit "
                            + "(-XX:MaxRAMPercentage or -Xmx)");
                }
            }
        });
        return problems;
    }

    /**
     * Start order: everything waits for healthy dependencies that exist; services need MongoDB, RabbitMQ and the
     * registry, the gateway needs the registry and every service.
     */
    List<String> dependencyProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = services();
        services.forEach((name, definition) -> {
            Object dependsOn = map(definition).get("depends_on");
            if (dependsOn instanceof List<?> list) {
                problems.add(name + ": depends_on " + list + " is a plain list; each needs condition: service_healthy");
                return;
            }
            map(dependsOn).forEach((dependency, settings) -> {
                if (!services.containsKey(dependency)) {
                    problems.add(name + ": depends on " + dependency + ", which is not a service in the file");
                    return;
                }
                Object condition = map(settings).get("condition");
                if (!"service_healthy".equals(condition)) {
                    problems.add(name + ": depends on " + dependency + " with condition " + condition
                            + " instead of service_healthy");
                }
                if (map(services.get(dependency)).get("healthcheck") == null) {
                    problems.add(name + ": waits for " + dependency + " to be healthy, but " + dependency
                            + " has no healthcheck");
                }
            });
        });
        for (String module : deployedModules()) {
            List<String> required = switch (module) {
                case REGISTRY -> List.of();
                case EDGE -> Stream.concat(Stream.of(REGISTRY), businessServices().stream()).toList();
                default -> List.of(MONGO, RABBITMQ, REGISTRY);
            };
            Map<String, Object> dependsOn = map(service(module).get("depends_on"));
            required.stream().filter(r -> !dependsOn.containsKey(r))
                    .forEach(r -> problems.add(module + ": does not depend on " + r));
        }
        return problems;
    }

    /** Services get MongoDB, RabbitMQ and Eureka settings; the registry and the gateway Eureka settings only. */
    List<String> environmentProblems() {
        List<String> problems = new ArrayList<>();
        String replicaSet = replicaSetName().orElse("rs0");
        for (String module : deployedModules()) {
            Map<String, String> environment = environment(module);
            String profiles = interpolateDefaults(environment.getOrDefault("SPRING_PROFILES_ACTIVE", ""));
            if (!List.of(profiles.split("\\s*,\\s*")).contains("docker")) {
                problems.add(module + ": SPRING_PROFILES_ACTIVE does not include docker");
            }
            String eurekaUrl = interpolateDefaults(environment.getOrDefault("EUREKA_URL", ""));
            if (!EUREKA_URL.equals(eurekaUrl)) {
                problems.add(module + ": EUREKA_URL is '" + eurekaUrl + "', not " + EUREKA_URL);
            }
            if (module.equals(REGISTRY) || module.equals(EDGE)) {
                environment.keySet().stream()
                        .filter(key -> MONGO_KEYS.contains(key) || RABBITMQ_KEYS.contains(key))
                        .forEach(key -> problems.add(module + ": needs no " + key + " (Eureka settings only)"));
                continue;
            }
            String mongoUri = interpolateDefaults(environment.getOrDefault("SPRING_MONGODB_URI", ""));
            if (!mongoUri.startsWith("mongodb://" + MONGO + ":27017/")
                    || !mongoUri.contains("replicaSet=" + replicaSet)) {
                problems.add(module + ": SPRING_MONGODB_URI is '" + mongoUri + "', not the " + MONGO
                        + " replica set " + replicaSet);
            }
            RABBITMQ_KEYS.stream().sorted().filter(key -> !environment.containsKey(key))
                    .forEach(key -> problems.add(module + ": no " + key));
            String rabbitHost = interpolateDefaults(environment.getOrDefault("SPRING_RABBITMQ_HOST", ""));
            if (environment.containsKey("SPRING_RABBITMQ_HOST") && !RABBITMQ.equals(rabbitHost)) {
                problems.add(module + ": SPRING_RABBITMQ_HOST is '" + rabbitHost + "', not " + RABBITMQ);
            }
        }
        return problems;
    }

    /** MongoDB runs as a replica set that initiates itself, is healthy only as primary and keeps its data. */
    List<String> mongoProblems() {
        List<String> problems = new ArrayList<>();
        if (!services().containsKey(MONGO)) {
            return List.of("no " + MONGO + " service");
        }
        Map<String, Object> mongo = service(MONGO);
        if (!string(mongo.get("image")).startsWith("mongo:")) {
            problems.add(MONGO + ": image " + mongo.get("image") + " is not the official mongo image with a tag");
        }
        if (replicaSetName().isEmpty()) {
            problems.add(MONGO + ": the command does not start a replica set (--replSet)");
        }
        String healthcheck = flatten(map(mongo.get("healthcheck")).get("test"));
        if (healthcheck.isEmpty()) {
            problems.add(MONGO + ": no healthcheck");
        } else {
            if (!healthcheck.contains("rs.initiate")) {
                problems.add(MONGO + ": the healthcheck does not initiate the replica set (rs.initiate)");
            }
            if (!healthcheck.contains("isWritablePrimary")) {
                problems.add(MONGO + ": the healthcheck does not wait for a writable primary (isWritablePrimary)");
            }
        }
        problems.addAll(volumeProblems(MONGO, "/data/db"));
        return problems;
    }

    /** RabbitMQ has a healthcheck and keeps its data across re-creation. */
    List<String> rabbitmqProblems() {
        List<String> problems = new ArrayList<>();
        if (!services().containsKey(RABBITMQ)) {
            return List.of("no " + RABBITMQ + " service");
        }
        Map<String, Object> rabbitmq = service(RABBITMQ);
        if (!string(rabbitmq.get("image")).startsWith("rabbitmq:")) {
            problems.add(RABBITMQ + ": image " + rabbitmq.get("image")
                    + " is not the official rabbitmq image with a tag");
        }
        if (flatten(map(rabbitmq.get("healthcheck")).get("test")).isEmpty()) {
            problems.add(RABBITMQ + ": no healthcheck");
        }
        if (rabbitmq.get("hostname") == null) {
            problems.add(RABBITMQ + ": no fixed hostname (the node name names the data directory; a new container"
                    + " would start empty)");
        }
        problems.addAll(volumeProblems(RABBITMQ, "/var/lib/rabbitmq"));
        return problems;
    }

    /** Only the gateway is published for clients; operator consoles only on the host's loopback. */
    List<String> publishedPortProblems() {
        List<String> problems = new ArrayList<>();
        services().forEach((name, definition) -> {
            if ("host".equals(map(definition).get("network_mode"))) {
                problems.add(name + ": network_mode host publishes every port");
            }
            for (Published published : publishedPorts(map(definition))) {
                Optional<PublishRule> rule = PUBLISHABLE.stream()
                        .filter(r -> r.service().equals(name) && r.containerPort() == published.containerPort())
                        .findFirst();
                if (rule.isEmpty()) {
                    problems.add(name + ": publishes port " + published.containerPort()
                            + " on the host (only the gateway's 8080 is for clients)");
                } else if (rule.get().loopbackOnly() && !published.onLoopback()) {
                    problems.add(name + ": publishes port " + published.containerPort() + " on "
                            + (published.hostIp().isEmpty() ? "every interface" : published.hostIp())
                            + " instead of the host's loopback only");
                }
            }
        });
        return problems;
    }

    /** No credential is written into the file: each is a variable, with at most a default marked local. */
    List<String> literalSecretProblems() {
        List<String> problems = new ArrayList<>();
        findSecrets("", compose, problems);
        return problems;
    }

    /** Every container comes back after a crash or a reboot. */
    List<String> restartProblems() {
        List<String> problems = new ArrayList<>();
        services().forEach((name, definition) -> {
            Object restart = map(definition).get("restart");
            Object policy = map(map(definition).get("deploy")).get("restart_policy");
            if ((restart == null || "no".equals(restart) || Boolean.FALSE.equals(restart)) && policy == null) {
                problems.add(name + ": no restart policy");
            }
        });
        return problems;
    }

    /**
     * In Docker every instance registers in Eureka with its own container address (several replicas of one service
     * are distinguishable and reachable one by one), overriding the platform defaults' localhost/127.0.0.1.
     */
    List<String> dockerProfileProblems() {
        List<String> problems = new ArrayList<>();
        for (String module : deployableModules) {
            Path file = root.resolve(module).resolve("src/main/resources/application.yml");
            String where = module + ": docker profile of " + root.relativize(file);
            Optional<Map<String, Object>> docker = Files.isRegularFile(file) ? yamlDocuments(file).stream()
                    .filter(doc -> "docker".equals(string(lookup(doc, "spring.config.activate.on-profile"))))
                    .findFirst() : Optional.empty();
            if (docker.isEmpty()) {
                problems.add(where + " is missing (a document with spring.config.activate.on-profile: docker)");
                continue;
            }
            Map<String, Object> profile = docker.get();
            String ipAddress = string(lookup(profile, "eureka.instance.ip-address"));
            if (ipAddress == null || ipAddress.isBlank()) {
                problems.add(where + ": eureka.instance.ip-address is not set to the container's address (an empty"
                        + " value is bound as \"\" and registered, it does not bring back the detected address)");
            } else if (ipAddress.startsWith("127.") || ipAddress.equals("localhost")) {
                problems.add(where + ": eureka.instance.ip-address " + ipAddress + " is a loopback address");
            }
            if (module.equals(REGISTRY)) {
                String hostname = string(lookup(profile, "eureka.instance.hostname"));
                if (!REGISTRY.equals(hostname)) {
                    problems.add(where + ": eureka.instance.hostname is " + hostname + ", not " + REGISTRY
                            + " (the host of EUREKA_URL; otherwise the registry takes itself for a peer)");
                }
                continue;
            }
            if (!Boolean.TRUE.equals(lookup(profile, "eureka.instance.prefer-ip-address"))) {
                problems.add(where + ": eureka.instance.prefer-ip-address is not true (the service name would"
                        + " lead to any replica, not this one)");
            }
            String instanceId = string(lookup(profile, "eureka.instance.instance-id"));
            boolean perReplica = instanceId != null
                    && (instanceId.contains("${spring.cloud.client.") || instanceId.contains("${random."));
            if (!perReplica) {
                problems.add(where + ": eureka.instance.instance-id " + instanceId
                        + " is not unique per replica (use the container address or a random value)");
            }
        }
        return problems;
    }

    /**
     * The console finds the suite as browsers and the other services do: the APIs through the edge inside the network,
     * the same issuer identity writes into its tokens (both from one variable), and identity sends a person who logs
     * out back to the console at the gateway's published port (the address after logout is matched exactly).
     */
    List<String> consoleProblems() {
        if (!services().containsKey(CONSOLE)) {
            return List.of(); // a deployable module without a service is an imageProblems() problem
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> console = environment(CONSOLE);
        Map<String, String> identity = environment(IDENTITY);
        String gatewayUrl = interpolateDefaults(console.getOrDefault("CRM_CONSOLE_GATEWAY_URL", ""));
        if (!gatewayUrl.equals("http://" + EDGE + ":8080")) {
            problems.add(CONSOLE + ": CRM_CONSOLE_GATEWAY_URL is '" + gatewayUrl + "', not http://" + EDGE
                    + ":8080 (every API call goes through the gateway)");
        }
        String issuer = console.getOrDefault("CRM_CONSOLE_ISSUER", "");
        String identityIssuer = identity.getOrDefault("CRM_IDENTITY_ISSUER", "");
        if (issuer.isEmpty() || !issuer.equals(identityIssuer)) {
            problems.add(CONSOLE + ": CRM_CONSOLE_ISSUER is '" + issuer + "', not identity's CRM_IDENTITY_ISSUER '"
                    + identityIssuer + "'");
        }
        if (!console.containsKey("CRM_CONSOLE_IDENTITY_URL")) {
            problems.add(CONSOLE + ": no CRM_CONSOLE_IDENTITY_URL (identity's token and key endpoints inside the"
                    + " network; the issuer is the browsers' address)");
        }
        String afterLogout = "http://127.0.0.1:" + gatewayHostPort() + "/console/";
        List<String> registered = List.of(interpolateDefaults(
                identity.getOrDefault("CRM_CONSOLE_POST_LOGOUT_URIS", "")).split("\\s*,\\s*"));
        if (!registered.contains(afterLogout)) {
            problems.add(IDENTITY + ": CRM_CONSOLE_POST_LOGOUT_URIS " + registered + " does not register "
                    + afterLogout + " (the console at the gateway's published port)");
        }
        return problems;
    }

    /** The host port the gateway is published on, with compose's defaults. */
    private String gatewayHostPort() {
        for (Object port : list(service(EDGE).get("ports"))) {
            String[] parts = interpolateDefaults(String.valueOf(port)).replaceAll("/(tcp|udp)$", "").split(":");
            if (parts.length >= 2 && parts[parts.length - 1].equals("8080")) {
                return parts[parts.length - 2];
            }
        }
        return "8080";
    }

    // ---- reading the compose file ---------------------------------------------------------------------------------

    Map<String, Object> services() {
        return map(compose.get("services"));
    }

    /** The deployable modules that have a compose service (a missing one is an {@link #imageProblems()} problem). */
    private List<String> deployedModules() {
        return deployableModules.stream().filter(services()::containsKey).toList();
    }

    private List<String> businessServices() {
        return deployableModules.stream().filter(m -> !m.equals(REGISTRY) && !m.equals(EDGE)).toList();
    }

    Map<String, String> environment(String serviceName) {
        Object environment = service(serviceName).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] keyAndValue = String.valueOf(entry).split("=", 2);
                result.put(keyAndValue[0], keyAndValue.length > 1 ? keyAndValue[1] : "");
            }
        } else {
            map(environment).forEach((key, value) -> result.put(key, value == null ? "" : String.valueOf(value)));
        }
        return result;
    }

    private Optional<String> replicaSetName() {
        List<String> command = List.of(flatten(service(MONGO).get("command")).split("\\s+"));
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).equals("--replSet") && i + 1 < command.size()) {
                return Optional.of(command.get(i + 1));
            }
            if (command.get(i).startsWith("--replSet=")) {
                return Optional.of(command.get(i).substring("--replSet=".length()));
            }
        }
        return Optional.empty();
    }

    private List<String> volumeProblems(String serviceName, String dataPath) {
        Map<String, Object> declared = map(compose.get("volumes"));
        for (Object volume : list(service(serviceName).get("volumes"))) {
            String source;
            String target;
            if (volume instanceof Map<?, ?> longSyntax) {
                source = string(longSyntax.get("source"));
                target = string(longSyntax.get("target"));
            } else {
                String[] parts = String.valueOf(volume).split(":");
                source = parts.length > 1 ? parts[0] : null;
                target = parts.length > 1 ? parts[1] : parts[0];
            }
            if (!dataPath.equals(target)) {
                continue;
            }
            if (source == null || source.startsWith(".") || source.startsWith("/") || source.startsWith("~")) {
                return List.of(serviceName + ": " + dataPath + " is not on a named volume");
            }
            if (!declared.containsKey(source)) {
                return List.of(serviceName + ": volume " + source + " is not declared under the top-level volumes");
            }
            return List.of();
        }
        return List.of(serviceName + ": no volume for its data at " + dataPath);
    }

    private static Optional<Long> memoryLimit(Map<String, Object> service) {
        Object limit = map(map(map(service.get("deploy")).get("resources")).get("limits")).get("memory");
        if (limit == null) {
            limit = service.get("mem_limit");
        }
        return limit == null ? Optional.empty() : Optional.of(bytes(String.valueOf(limit)));
    }

    private static List<Published> publishedPorts(Map<String, Object> service) {
        List<Published> published = new ArrayList<>();
        for (Object port : list(service.get("ports"))) {
            if (port instanceof Map<?, ?> longSyntax) {
                String hostIp = string(longSyntax.get("host_ip"));
                published.add(new Published(hostIp == null ? "" : hostIp,
                        Integer.parseInt(String.valueOf(longSyntax.get("target")))));
                continue;
            }
            String spec = interpolateDefaults(String.valueOf(port)).replaceAll("/(tcp|udp)$", "");
            String hostIp = "";
            if (spec.startsWith("[")) {
                hostIp = spec.substring(0, spec.indexOf(']') + 1);
                spec = spec.substring(hostIp.length() + 1);
            }
            String[] parts = spec.split(":");
            if (parts.length == 3) {
                hostIp = parts[0];
            }
            String containerPorts = parts[parts.length - 1];
            String[] range = containerPorts.split("-");
            int first = Integer.parseInt(range[0]);
            int last = range.length > 1 ? Integer.parseInt(range[1]) : first;
            for (int p = first; p <= last; p++) {
                published.add(new Published(hostIp, p));
            }
        }
        return published;
    }

    private static void findSecrets(String path, Object node, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String childPath = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (value instanceof String text && SECRET_KEY.matcher(String.valueOf(key)).matches()) {
                    checkCredential(childPath, text, problems);
                } else {
                    findSecrets(childPath, value, problems);
                }
            });
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                String[] keyAndValue = String.valueOf(item).split("=", 2);
                if (item instanceof String && keyAndValue.length == 2 && keyAndValue[0].matches("[A-Za-z_][A-Za-z0-9_]*")
                        && SECRET_KEY.matcher(keyAndValue[0]).matches()) {
                    checkCredential(path + "." + keyAndValue[0], keyAndValue[1], problems);
                } else {
                    findSecrets(path, item, problems);
                }
            }
        } else if (node instanceof String text) {
            Matcher uri = URI_WITH_PASSWORD.matcher(text);
            while (uri.find()) {
                checkCredential(path + " (password in a URI)", uri.group(1), problems);
            }
        }
    }

    private static void checkCredential(String path, String value, List<String> problems) {
        Matcher interpolation = INTERPOLATION.matcher(value.trim());
        if (!interpolation.matches()) {
            problems.add(path + ": a literal credential; take it from a variable (${NAME:-...local...})");
            return;
        }
        String operator = interpolation.group(2);
        String fallback = interpolation.group(3);
        boolean hasDefault = operator != null && operator.endsWith("-") && fallback != null && !fallback.isEmpty();
        if (hasDefault && !fallback.toLowerCase().contains(LOCAL_MARK)) {
            problems.add(path + ": the default '" + fallback + "' of ${" + interpolation.group(1)
                    + "} is not marked as a local-only value");
        }
    }

    // ---- Dockerfiles ----------------------------------------------------------------------------------------------

    /** One Dockerfile instruction: its keyword and its arguments (continuations joined, heredoc bodies dropped). */
    record Instruction(String keyword, String args) {

        private static final Pattern HEREDOC = Pattern.compile("<<-?[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");

        boolean is(String name) {
            return keyword.equalsIgnoreCase(name);
        }

        /** COPY/ADD sources from the build context: no flags, no heredocs, no --from stages, not the destination. */
        List<String> sources() {
            List<String> words = List.of(args.trim().split("\\s+"));
            if (words.stream().anyMatch(w -> w.startsWith("--from="))) {
                return List.of();
            }
            List<String> operands = words.stream().filter(w -> !w.startsWith("--")).toList();
            return operands.subList(0, Math.max(0, operands.size() - 1)).stream().filter(w -> !w.startsWith("<<"))
                    .toList();
        }

        static List<Instruction> parse(String dockerfile) {
            List<Instruction> instructions = new ArrayList<>();
            List<String> lines = dockerfile.lines().toList();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (current.isEmpty() && (line.isBlank() || line.trim().startsWith("#"))) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                current.append(line);
                String instruction = current.toString().trim();
                current.setLength(0);
                Matcher heredoc = HEREDOC.matcher(instruction);
                while (heredoc.find()) {
                    String delimiter = heredoc.group(1);
                    while (++i < lines.size() && !lines.get(i).trim().equals(delimiter)) {
                        // the heredoc's body is a file's content, not instructions
                    }
                }
                String[] keywordAndArgs = instruction.split("\\s+", 2);
                instructions.add(new Instruction(keywordAndArgs[0].toUpperCase(),
                        keywordAndArgs.length > 1 ? keywordAndArgs[1] : ""));
            }
            return instructions;
        }
    }

    private static List<Instruction> finalStage(List<Instruction> instructions) {
        int lastFrom = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).is("FROM")) {
                lastFrom = i;
            }
        }
        return instructions.subList(lastFrom + 1, instructions.size());
    }

    private static String substituteArgs(String text, Map<String, String> args) {
        Matcher reference = ARG_REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1) != null ? reference.group(1) : reference.group(2);
            reference.appendReplacement(result, Matcher.quoteReplacement(args.getOrDefault(name, reference.group())));
        }
        return reference.appendTail(result).toString();
    }

    /**
     * Whether the build context's .dockerignore (or the Dockerfile's own {@code <Dockerfile>.dockerignore}) leaves out
     * {@code path}: the last pattern matching the path or one of its parent directories decides (Docker's rule).
     */
    private boolean dockerIgnoreExcludes(Path dockerfile, Path contextDir, Path path) {
        Path ignoreFile = Path.of(dockerfile + ".dockerignore");
        if (!Files.isRegularFile(ignoreFile)) {
            ignoreFile = contextDir.resolve(".dockerignore");
        }
        if (!Files.isRegularFile(ignoreFile)) {
            return false;
        }
        boolean excluded = false;
        for (String line : text(ignoreFile).lines().map(String::trim).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            String pattern = (exception ? line.substring(1) : line).trim().replaceAll("^/+", "");
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            for (Path candidate = path; candidate != null; candidate = candidate.getParent()) {
                if (matcher.matches(candidate)) {
                    excluded = !exception;
                    break;
                }
            }
        }
        return excluded;
    }

    /** The port a module listens on: server.port in the first document of its application.yml. */
    private Optional<Integer> modulePort(String module) {
        Path file = root.resolve(module).resolve("src/main/resources/application.yml");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return yamlDocuments(file).stream().findFirst().map(doc -> lookup(doc, "server.port"))
                .map(port -> Integer.parseInt(String.valueOf(port)));
    }

    // ---- small helpers --------------------------------------------------------------------------------------------

    private List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(text(file))) {
            documents.add(map(document));
        }
        return documents;
    }

    /** A property of a Spring YAML document, nested ({@code a: b: c}) or with dotted keys ({@code a.b: c}). */
    static Object lookup(Map<String, Object> document, String property) {
        String[] parts = property.split("\\.");
        for (int i = parts.length; i > 0; i--) {
            String key = String.join(".", List.of(parts).subList(0, i));
            if (document.containsKey(key)) {
                Object value = document.get(key);
                if (i == parts.length) {
                    return value;
                }
                Object rest = lookup(map(value), String.join(".", List.of(parts).subList(i, parts.length)));
                if (rest != null) {
                    return rest;
                }
            }
        }
        return null;
    }

    /**
     * The value compose uses when no variable is set: {@code ${X:-d}} and {@code ${X-d}} give d, {@code ${X}} "".
     * Nested defaults ({@code ${X:-http://h:${PORT:-8080}/}}) resolve from the inside out.
     */
    static String interpolateDefaults(String value) {
        String current = value;
        for (String previous = null; !current.equals(previous); ) {
            previous = current;
            Matcher interpolation = INNERMOST_INTERPOLATION.matcher(current);
            StringBuilder result = new StringBuilder();
            while (interpolation.find()) {
                String operator = interpolation.group(2);
                String replacement = operator != null && operator.endsWith("-") ? interpolation.group(3) : "";
                interpolation.appendReplacement(result, Matcher.quoteReplacement(replacement));
            }
            current = interpolation.appendTail(result).toString();
        }
        return current.replace("$$", "$");
    }

    private static String flatten(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" "));
        }
        return value == null ? "" : String.valueOf(value);
    }

    private static long bytes(String size) {
        Matcher matcher = Pattern.compile("(?i)\\s*([0-9.]+)\\s*([kmg]?)i?b?\\s*").matcher(size);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a memory size: " + size);
        }
        double number = Double.parseDouble(matcher.group(1));
        int shift = switch (matcher.group(2).toLowerCase()) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return (long) (number * (1L << shift));
    }

    private static String unquote(String text) {
        boolean quoted = text.length() >= 2
                && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"));
        return quoted ? text.substring(1, text.length() - 1) : text;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    /** A file of the repository as the rules see it (through {@link #editFile} when a test broke it). */
    private String text(Path file) {
        return edits.getOrDefault(file.normalize(), UnaryOperator.identity()).apply(read(file));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Element parseXml(Path file) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }
}
