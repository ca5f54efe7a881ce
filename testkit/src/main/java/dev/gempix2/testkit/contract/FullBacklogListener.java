package dev.gempix2.testkit.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A listening socket on loopback that never accepts, its backlog filled: the kernel drops further connection
 * attempts, so a client's connect hangs until its connect timeout. Deterministic on Linux, where a full accept
 * queue drops SYNs; filled by connecting until a connect itself times out.
 */
final class FullBacklogListener implements AutoCloseable {
    private static final int MAX_FILLERS = 64;

    private final ServerSocket socket;
    private final List<Socket> fillers = new ArrayList<>();

    FullBacklogListener() {
        try {
            socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
            for (int i = 0; i < MAX_FILLERS; i++) {
                Socket filler = new Socket();
                try {
                    filler.connect(address, 200);
                    fillers.add(filler);
                } catch (SocketTimeoutException full) {
                    filler.close();
                    return;
                }
            }
            throw new IllegalStateException("the listener's backlog did not fill after " + MAX_FILLERS + " connections");
        } catch (IOException cannotListen) {
            close();
            throw new UncheckedIOException("could not set up a listener with a full backlog", cannotListen);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    @Override
    public void close() {
        for (Socket filler : fillers) {
            try {
                filler.close();
            } catch (IOException ignored) {
                // Best effort.
            }
        }
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // Best effort.
        }
    }
}
