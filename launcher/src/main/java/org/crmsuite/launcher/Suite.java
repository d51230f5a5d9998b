package org.crmsuite.launcher;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** What the local run starts, in which order. Adding a module is one line here. */
final class Suite {

    static final String DISCOVERY = "discovery";
    static final String GATEWAY = "gateway";
    /** Every JVM is told its URL as the token issuer (it may be on a random port); it issues the route check's token. */
    static final String IDENTITY = "identity";
    /**
     * The staff console: browsers reach it only through the gateway, at {@code http://127.0.0.1:<gateway>/console/}
     * (the loopback IP literal its redirect URI at identity is registered on, docs/identity.md).
     */
    static final String CONSOLE = "console";

    /**
     * The gateway lets no request through without a token: the route check asks identity for one by client
     * credentials, as this demo partner system (a LOCAL default of identity's, docs/identity.md; the secret is read
     * from the same variable identity reads, so the two always agree).
     */
    static final String ROUTE_CHECK_CLIENT = "partner-demo";
    static final String ROUTE_CHECK_SECRET_VARIABLE = "CRM_CLIENT_SECRET_PARTNER_DEMO";
    static final String ROUTE_CHECK_SECRET_LOCAL_DEFAULT = "local-partner-secret";

    private static final String HEALTH = "/actuator/health";

    static final List<Module> MODULES = List.of(
            new Module(DISCOVERY, 8761, HEALTH, null, 0, 128),
            new Module(IDENTITY, 9000, HEALTH, "/api/v1/staff/ping", 1, 128),
            new Module("customer-service", 8081, HEALTH, "/api/v1/customers/ping", 1, 128),
            new Module("complaint-service", 8082, HEALTH, "/api/v1/complaints/ping", 1, 128),
            new Module("visit-service", 8083, HEALTH, "/api/v1/visits/ping", 1, 128),
            new Module("sales-service", 8084, HEALTH, "/api/v1/reception/ping", 1, 128),
            new Module("notification-service", 8085, HEALTH, "/api/v1/notifications/ping", 1, 128),
            new Module(CONSOLE, 8090, HEALTH, "/console/ping", 1, 128),
            new Module(GATEWAY, 8080, HEALTH, null, 2, 128));

    private Suite() {
    }

    static List<Integer> startGroups(List<Module> modules) {
        return List.copyOf(new TreeSet<>(modules.stream().map(Module::startGroup).toList()));
    }

    static Module named(List<Module> modules, String name) {
        return modules.stream()
                .filter(module -> Objects.equals(module.name(), name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the suite has no module named " + name));
    }
}
