package dev.gempix2.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on loopback that misbehaves at the byte level, for what {@link FakeGemPix2Backend} will not do
 * on purpose: stay silent after reading a request, drip an answer one byte at a time, drop the connection in the
 * middle of an answer, or send an answer exactly as given (a chunked body, a lying {@code Content-Length}).
 * Every connection gets the same behaviour; each is served on its own daemon thread, in real time.
 *
 * <pre>{@code
 * try (HostileServer silent = HostileServer.start(HostileServer.Behaviour.silent())) {
 *     ImageGenerator generator = ...; // any transport, built with silent.baseUrl()
 *     assertThat(client.generateAsync(ImageRequest.of("a fox"), Duration.ofSeconds(1)))
 *             .failsWithin(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class HostileServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch firstRequest = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);

    private HostileServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptConnections, "gempix2-hostile-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * @param behaviour what every connection gets once its request has arrived
     * @return the started server
     */
    public static HostileServer start(Behaviour behaviour) {
        try {
            return new HostileServer(Objects.requireNonNull(behaviour, "behaviour"));
        } catch (IOException cannotListen) {
            throw new UncheckedIOException("the hostile server could not listen on loopback", cannotListen);
        }
    }

    /** @return where it listens, e.g. {@code http://127.0.0.1:53211}; pass it as the API's base URL */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** @return how many requests arrived (their head and body read) */
    public int requestCount() {
        return requests.get();
    }

    /**
     * @param timeout how long to wait
     * @return true once a first request has arrived
     * @throws InterruptedException when interrupted
     */
    public boolean awaitRequest(Duration timeout) throws InterruptedException {
        return firstRequest.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptConnections() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                accepted.add(connection);
                Thread serving = new Thread(() -> serve(connection), "gempix2-hostile-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            while (readRequest(in)) {
                requests.incrementAndGet();
                firstRequest.countDown();
                if (!behaviour.answer(connection.getOutputStream(), closing)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException gone) {
            // The client gave up or the server closed: either is the point of this server.
        }
    }

    // Reads one request's head and its Content-Length body; false at the end of the stream.
    private static boolean readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                return false;
            }
            head.append((char) next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                long length = Long.parseLong(line.substring(15).trim());
                for (long read = 0; read < length; read++) {
                    if (in.read() < 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Stops listening and drops every connection; idempotent. */
    @Override
    public void close() {
        closing.countDown();
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort.
        }
        for (Socket connection : accepted) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // Already gone.
            }
        }
    }

    /** What the server does with each request. Immutable. */
    public static final class Behaviour {
        private final byte[] answer;
        private final int sendBytes;
        private final Duration perByte;
        private final boolean keepOpen;
        private final boolean dropAfterSending;
        private final long fillerBytes;

        private Behaviour(byte[] answer, int sendBytes, Duration perByte, boolean keepOpen, boolean dropAfterSending) {
            this(answer, sendBytes, perByte, keepOpen, dropAfterSending, 0);
        }

        private Behaviour(byte[] answer, int sendBytes, Duration perByte, boolean keepOpen, boolean dropAfterSending,
                          long fillerBytes) {
            this.fillerBytes = fillerBytes;
            this.answer = answer;
            this.sendBytes = sendBytes;
            this.perByte = perByte;
            this.keepOpen = keepOpen;
            this.dropAfterSending = dropAfterSending;
        }

        /** @return reads the request and never answers, holding the connection open until the server closes */
        public static Behaviour silent() {
            return new Behaviour(new byte[0], 0, Duration.ZERO, true, false);
        }

        /**
         * @param response the raw bytes of the whole answer (status line, headers, body)
         * @return sends it as given, then serves the next request on the same connection
         */
        public static Behaviour raw(String response) {
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            return new Behaviour(bytes, bytes.length, Duration.ZERO, false, false);
        }

        /**
         * @param response the raw bytes of the whole answer
         * @param bytes how many of them are sent before the connection is dropped
         * @return sends the start of the answer, then closes the connection
         */
        public static Behaviour dropAfter(String response, int bytes) {
            byte[] all = response.getBytes(StandardCharsets.UTF_8);
            return new Behaviour(all, Math.min(bytes, all.length), Duration.ZERO, false, true);
        }

        /**
         * @param response the raw bytes of the whole answer
         * @param perByte the real-time pause before each byte
         * @return sends the answer one byte at a time (the status line too), as a slow-drip attacker does
         */
        public static Behaviour drip(String response, Duration perByte) {
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            return new Behaviour(bytes, bytes.length, Objects.requireNonNull(perByte, "perByte"), false, false);
        }

        /**
         * @param bytes how many bytes of JSON whitespace to stream
         * @return a 200 JSON answer with a chunked body of that many spaces, streamed without holding it in memory,
         *         for a client's body-size limit
         */
        public static Behaviour oversized(long bytes) {
            byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            return new Behaviour(head, head.length, Duration.ZERO, false, true, bytes);
        }

        /**
         * @param status an HTTP status
         * @param contentType the {@code Content-Type}
         * @param body the body
         * @return a complete HTTP/1.1 answer with {@code Content-Length}, for {@link #raw}, {@link #drip} or
         *         {@link #dropAfter}
         */
        public static String answer(int status, String contentType, String body) {
            int length = body.getBytes(StandardCharsets.UTF_8).length;
            return "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\n\r\n" + body;
        }

        // Writes this behaviour's bytes; false when the connection is to be closed afterwards.
        boolean answer(OutputStream out, CountDownLatch closing) throws IOException, InterruptedException {
            if (keepOpen) {
                closing.await();
                return false;
            }
            for (int i = 0; i < sendBytes; i++) {
                if (!perByte.isZero() && closing.await(perByte.toMillis(), TimeUnit.MILLISECONDS)) {
                    return false;
                }
                out.write(answer[i]);
                if (!perByte.isZero()) {
                    out.flush();
                }
            }
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (long sent = 0; sent < fillerBytes; sent += chunk.length) {
                out.write(chunkHead);
                out.write(chunk);
                out.write('\r');
                out.write('\n');
            }
            out.flush();
            return !dropAfterSending;
        }

        @Override
        public String toString() {
            return keepOpen ? "silent" : "Behaviour[" + sendBytes + " of " + answer.length + " bytes, "
                    + (perByte.isZero() ? "at once" : perByte + " a byte") + "]";
        }
    }
}
