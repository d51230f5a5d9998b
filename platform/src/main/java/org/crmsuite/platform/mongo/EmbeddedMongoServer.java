package org.crmsuite.platform.mongo;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The only class that links against mongo-java-server; loaded only when the embedded server is wanted. */
final class EmbeddedMongoServer {

    private EmbeddedMongoServer() {
    }

    /** Starts an in-memory server on a free loopback port, stopped with the JVM; returns its connection URI. */
    static String startInMemory() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-shutdown"));
        return "mongodb://127.0.0.1:" + address.getPort();
    }
}
