package org.crmsuite.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the launcher may be told, from its arguments and environment; documented in docs/operations.md. */
record Settings(
        Path home,
        Path dataDir,
        boolean randomPorts,
        Duration startTimeout,
        Duration stopTimeout,
        Optional<List<String>> jvmOptions,
        Optional<String> mongoUri,
        Optional<String> rabbitHost,
        int rabbitPort,
        boolean embeddedBrokerAlways,
        String routeCheckSecret,
        boolean classDataSharing) {

    static final String USAGE = """
            usage: run-suite.sh [--random-ports]
              --random-ports   every module (and the embedded MongoDB and broker) on a free port
            environment:
              CRM_DATA_DIR              data folder (default ./data): embedded MongoDB file, logs
              CRM_RANDOM_PORTS=true     same as --random-ports
              CRM_JVM_OPTS              flags for every child JVM, replacing the small-heap defaults
              SPRING_MONGODB_URI        use this MongoDB server (also CRM_MONGODB_URI) instead of the embedded one
              SPRING_RABBITMQ_HOST/PORT use this AMQP broker instead of detecting or embedding one
              CRM_EMBEDDED_BROKER=true  start the embedded broker even if one answers on 127.0.0.1:5672
              CRM_START_TIMEOUT         seconds a module may take to become healthy (default 180)
              CRM_CDS=false             start the JVMs from the runnable jars, without class-data sharing archives
              CRM_HOME                  the checkout holding <module>/target/*-exec.jar (default: found)
            """;

    static Settings from(String[] args, Map<String, String> env, Path workingDir, List<Path> classPath) {
        List<String> arguments = Arrays.asList(args);
        for (String argument : arguments) {
            if (!argument.equals("--random-ports")) {
                throw new IllegalArgumentException("unknown argument " + argument);
            }
        }
        Path home = env.containsKey("CRM_HOME") ? Path.of(env.get("CRM_HOME")) : findHome(classPath, workingDir);
        Path dataDir = workingDir.resolve(env.getOrDefault("CRM_DATA_DIR", "data"));
        boolean randomPorts = arguments.contains("--random-ports") || isTrue(env.get("CRM_RANDOM_PORTS"));
        Duration startTimeout = Duration.ofSeconds(Long.parseLong(env.getOrDefault("CRM_START_TIMEOUT", "180")));
        Optional<List<String>> jvmOptions = nonBlank(env.get("CRM_JVM_OPTS"))
                .map(options -> List.of(options.trim().split("\\s+")));
        Optional<String> mongoUri = nonBlank(env.get("SPRING_MONGODB_URI")).or(() -> nonBlank(env.get("CRM_MONGODB_URI")));
        Optional<String> rabbitHost = nonBlank(env.get("SPRING_RABBITMQ_HOST"));
        int rabbitPort = Integer.parseInt(env.getOrDefault("SPRING_RABBITMQ_PORT", "5672"));
        return new Settings(home.toAbsolutePath().normalize(), dataDir.toAbsolutePath().normalize(), randomPorts,
                startTimeout, Duration.ofSeconds(20), jvmOptions, mongoUri, rabbitHost, rabbitPort,
                isTrue(env.get("CRM_EMBEDDED_BROKER")),
                env.getOrDefault(Suite.ROUTE_CHECK_SECRET_VARIABLE, Suite.ROUTE_CHECK_SECRET_LOCAL_DEFAULT),
                !isFalse(env.get("CRM_CDS")));
    }

    /** The checkout is the first folder holding the launcher module, above the class path first, then the working dir. */
    static Path findHome(List<Path> classPath, Path workingDir) {
        for (Path entry : classPath) {
            for (Path dir = entry.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (isCheckout(dir)) {
                    return dir;
                }
            }
        }
        for (Path dir = workingDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isCheckout(dir)) {
                return dir;
            }
        }
        return workingDir;
    }

    private static boolean isCheckout(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("launcher"));
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("yes"));
    }

    private static boolean isFalse(String value) {
        return value != null && (value.equalsIgnoreCase("false") || value.equals("0") || value.equalsIgnoreCase("no"));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
