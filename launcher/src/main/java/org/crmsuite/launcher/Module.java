package org.crmsuite.launcher;

/**
 * One deployable the launcher starts.
 *
 * @param name       the Maven module and Eureka service name; its runnable jar is {@code <name>/target/<name>-*-exec.jar}
 * @param defaultPort the port it listens on unless random ports were asked for
 * @param healthPath answers JSON with {@code "status":"UP"} once the module is ready
 * @param pingPath   a path routed through the gateway that this module answers with {@code "service":"<name>"}, or
 *                   {@code null} when the module is not behind the gateway
 * @param startGroup lower groups start first; every module of a group must be healthy before the next group starts
 * @param heapMb     maximum heap of its JVM (unless {@code CRM_JVM_OPTS} replaces the flags)
 */
record Module(String name, int defaultPort, String healthPath, String pingPath, int startGroup, int heapMb) {

    boolean routedThroughGateway() {
        return pingPath != null;
    }
}
