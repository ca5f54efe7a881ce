package dev.gempix2.transport.httpclient5;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A raw TCP server for what an HTTP server will not do on purpose: read a request and then drop the
 * connection, or read it and stay silent. One connection at a time, on loopback, port 0.
 */
final class ScriptedSocketServer implements AutoCloseable {

    /** What to do once the request head has arrived. */
    enum Behaviour { DROP_CONNECTION, STAY_SILENT }

    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final CountDownLatch requestSeen = new CountDownLatch(1);
    private final Thread acceptor;

    ScriptedSocketServer(Behaviour behaviour) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> serve(behaviour), "scripted-socket-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    boolean awaitRequest() throws InterruptedException {
        return requestSeen.await(5, TimeUnit.SECONDS);
    }

    private void serve(Behaviour behaviour) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                accepted.add(connection);
                readHead(connection.getInputStream());
                requestSeen.countDown();
                if (behaviour == Behaviour.DROP_CONNECTION) {
                    connection.setSoLinger(true, 0); // a reset, as when a proxy or server dies mid-request
                    connection.close();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                return;
            }
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : accepted) {
            connection.close();
        }
    }
}
