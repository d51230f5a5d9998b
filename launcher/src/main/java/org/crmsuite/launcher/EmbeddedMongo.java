package org.crmsuite.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The MongoDB wire server for the local run, in the launcher's JVM: one server for all services (each uses its own
 * database), kept in an H2 file in the data folder so data survives a restart. It has no multi-document
 * transactions (VERSIONS.md); the services do not need them.
 */
final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private EmbeddedMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedMongo start(Path file, int port) throws Exception {
        Files.createDirectories(file.getParent());
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(Ports.LOOPBACK.getHostAddress(), port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new EmbeddedMongo(server, server.getLocalAddress().getPort());
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Closes client connections, then the H2 store, which writes what is not yet on disk. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
