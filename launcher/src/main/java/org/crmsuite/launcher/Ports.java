package org.crmsuite.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loopback port checks: everything the launcher starts listens on 127.0.0.1 only. */
final class Ports {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Ports() {
    }

    /**
     * Whether a server could listen on the port now. SO_REUSEADDR as the servers themselves bind (Tomcat, Netty):
     * connections of a suite just stopped linger in TIME_WAIT and must not make an immediate restart fail.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    static int preferredOrFree(int preferred) {
        return isFree(preferred) ? preferred : free();
    }

    static int free() {
        return distinctFree(1).get(0);
    }

    /** Holds every socket open until all are chosen, so no port is handed out twice. */
    static List<Integer> distinctFree(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, LOOPBACK);
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a socket nobody used cannot lose anything
                }
            }
        }
    }

    /** Each module on its default port, or all of them on distinct free ports. */
    static Map<String, Integer> assign(List<Module> modules, boolean random) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<Integer> free = random ? distinctFree(modules.size()) : List.of();
        for (int i = 0; i < modules.size(); i++) {
            Module module = modules.get(i);
            ports.put(module.name(), random ? free.get(i) : module.defaultPort());
        }
        return ports;
    }
}
