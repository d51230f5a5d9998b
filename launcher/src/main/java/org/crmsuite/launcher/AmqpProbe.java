package org.crmsuite.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Is there an AMQP 0-9-1 broker on a port? Sends the protocol header and expects the broker's first frame, a
 * {@code Connection.Start} method frame on channel 0, so a port held by something else does not count.
 */
final class AmqpProbe {

    static final byte[] PROTOCOL_HEADER = { 'A', 'M', 'Q', 'P', 0, 0, 9, 1 };

    private static final int FRAME_METHOD = 1;
    private static final int CLASS_CONNECTION = 10;
    private static final int METHOD_START = 10;
    private static final int FRAME_PREFIX = 11; // type(1) channel(2) size(4) class(2) method(2)

    private AmqpProbe() {
    }

    static boolean brokerAnswers(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(PROTOCOL_HEADER);
            out.flush();
            return isConnectionStart(socket.getInputStream().readNBytes(FRAME_PREFIX));
        } catch (IOException noBroker) {
            return false;
        }
    }

    static boolean isConnectionStart(byte[] prefix) {
        if (prefix.length < FRAME_PREFIX || prefix[0] != FRAME_METHOD || prefix[1] != 0 || prefix[2] != 0) {
            return false;
        }
        int classId = ((prefix[7] & 0xff) << 8) | (prefix[8] & 0xff);
        int methodId = ((prefix[9] & 0xff) << 8) | (prefix[10] & 0xff);
        return classId == CLASS_CONNECTION && methodId == METHOD_START;
    }
}
