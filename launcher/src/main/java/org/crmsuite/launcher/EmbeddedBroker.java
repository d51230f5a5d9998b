package org.crmsuite.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.SystemConfig;

/**
 * Qpid Broker-J in the launcher's JVM when no AMQP broker is available: AMQP 0-9-1 on loopback, memory store (queues
 * and messages do not survive a restart), user guest/guest as the local default. Qpid rejects
 * {@code x-dead-letter-exchange} queue arguments (VERSIONS.md); the suite dead-letters through its own exchange.
 */
final class EmbeddedBroker implements AutoCloseable {

    static final String INITIAL_CONFIG = "qpid-initial-config.json";

    private static boolean qpidSchemesRegistered;

    private final SystemLauncher launcher;
    private final int port;
    private boolean ownShutdownHookRemoved;

    private EmbeddedBroker(SystemLauncher launcher, int port) {
        this.launcher = launcher;
        this.port = port;
    }

    static EmbeddedBroker start(Path workDir, int port) throws Exception {
        registerQpidUrlSchemes();
        Files.createDirectories(workDir);
        Path config = workDir.resolve(INITIAL_CONFIG);
        copyInitialConfig(config);

        Map<String, Object> context = new HashMap<>();
        context.put("qpid.amqp_port", String.valueOf(port));
        context.put("qpid.work_dir", workDir.toString());
        // no management preferences to keep for a throwaway local broker
        context.put("qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}");

        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation", config.toUri().toString());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", context);

        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> config) {
                system.set(config);
            }
        });
        launcher.startup(attributes);
        EmbeddedBroker broker = new EmbeddedBroker(launcher, port);
        broker.stopOnlyWhenTold(system.get());
        return broker;
    }

    /**
     * Qpid adds its own JVM shutdown hook, which would close the broker at Ctrl-C while the services are still
     * shutting down and using it. The launcher closes it itself after the children have stopped, so the hook is
     * removed. It is a private field of Qpid's {@code BrokerImpl} (pinned 10.1.0): if it is not found, Qpid keeps
     * its hook and the only difference is the order of shutdown.
     */
    private void stopOnlyWhenTold(SystemConfig<?> system) {
        if (system == null || system.getContainer() == null) {
            return;
        }
        Object container = system.getContainer();
        for (Class<?> type = container.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField("_shutdownHook");
                field.setAccessible(true);
                if (field.get(container) instanceof Thread hook) {
                    ownShutdownHookRemoved = Runtime.getRuntime().removeShutdownHook(hook);
                }
                return;
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return;
            }
        }
    }

    /**
     * Qpid resolves {@code classpath:} and {@code data:} URLs through {@code java.protocol.handler.pkgs}, which only
     * sees the system class loader; inside the launcher's Spring Boot jar Qpid lives in a nested jar, so the
     * handlers are registered through the JVM's one URL handler factory instead (Boot's own {@code nested:} and
     * {@code jar:} handlers are untouched: the factory answers only for Qpid's schemes).
     */
    private static synchronized void registerQpidUrlSchemes() {
        if (qpidSchemesRegistered) {
            return;
        }
        try {
            URL.setURLStreamHandlerFactory(protocol -> switch (protocol) {
                case "classpath" -> new org.apache.qpid.server.util.urlstreamhandler.classpath.Handler();
                case "data" -> new org.apache.qpid.server.util.urlstreamhandler.data.Handler();
                default -> null;
            });
        } catch (Error alreadySet) {
            // another library owns the factory; on a plain class path Qpid's own registration suffices
        }
        qpidSchemesRegistered = true;
    }

    private static void copyInitialConfig(Path target) throws IOException {
        try (InputStream in = EmbeddedBroker.class.getResourceAsStream("/" + INITIAL_CONFIG)) {
            if (in == null) {
                throw new IOException(INITIAL_CONFIG + " is missing from the launcher jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    int port() {
        return port;
    }

    /** When Qpid kept its own hook it is already closing at JVM exit; closing twice only logs errors. */
    @Override
    public void close() {
        if (ownShutdownHookRemoved) {
            launcher.shutdown();
        }
    }
}
