package dev.gempix2.testkit;

import dev.gempix2.core.ProxySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP proxy on loopback, so that a test can check that traffic really goes through a proxy: it forwards
 * absolute-form requests ({@code GET http://host:port/path}) and tunnels {@code CONNECT host:port}, optionally
 * demands basic credentials ({@code 407} with a {@code Proxy-Authenticate} challenge otherwise), and records every
 * request that reached it as a {@link Passage}. Each connection is served on its own daemon thread; a forwarded
 * answer is sent with {@code Connection: close}, so that no client reuses a connection the proxy ends.
 *
 * <pre>{@code
 * try (TestProxy proxy = TestProxy.requiringCredentials("svc", "s3cret")) {
 *     ImageGenerator generator = ...; // any transport, built with proxy.settings()
 *     ...
 *     assertThat(proxy.passages()).extracting(TestProxy.Passage::target).contains("127.0.0.1:" + port);
 * }
 * }</pre>
 */
public final class TestProxy implements AutoCloseable {
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final ServerSocket socket;
    private final String username;
    private final String password;
    private final List<Passage> passages = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    /**
     * One request that reached the proxy.
     *
     * @param method the request's method: {@code CONNECT} for a tunnel, else the forwarded one
     * @param target where it was bound, {@code host:port}
     * @param authorized whether it was let through: no credentials demanded, or the right ones given
     */
    public record Passage(String method, String target, boolean authorized) {
    }

    private TestProxy(String username, String password) throws IOException {
        this.username = username;
        this.password = password;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptConnections, "gempix2-test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return a started proxy that lets every request through */
    public static TestProxy start() {
        return open(null, null);
    }

    /**
     * @param username the basic-auth user the proxy demands
     * @param password its password
     * @return a started proxy answering {@code 407} to a request without these credentials
     */
    public static TestProxy requiringCredentials(String username, String password) {
        return open(Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"));
    }

    private static TestProxy open(String username, String password) {
        try {
            return new TestProxy(username, password);
        } catch (IOException cannotListen) {
            throw new UncheckedIOException("the test proxy could not listen on loopback", cannotListen);
        }
    }

    /** @return where it listens, e.g. {@code http://127.0.0.1:53211} */
    public URI address() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** @return the settings that reach this proxy, with its credentials when it demands some */
    public ProxySettings settings() {
        ProxySettings plain = ProxySettings.of(address());
        return username == null ? plain : plain.withCredentials(username, password);
    }

    /** @return every request that reached the proxy, in arrival order */
    public List<Passage> passages() {
        return List.copyOf(passages);
    }

    private void acceptConnections() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                daemon(() -> serve(client), "gempix2-test-proxy-connection");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                byte[] head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
                String[] requestLine = lines[0].split(" ");
                if (requestLine.length != 3) {
                    out.write(simpleAnswer("400 Bad Request", ""));
                    return;
                }
                String method = requestLine[0];
                boolean connect = method.equalsIgnoreCase("CONNECT");
                URI target = connect ? URI.create("http://" + requestLine[1]) : URI.create(requestLine[1]);
                int port = target.getPort() > 0 ? target.getPort() : "https".equals(target.getScheme()) ? 443 : 80;
                boolean authorized = authorized(lines);
                passages.add(new Passage(method, target.getHost() + ":" + port, authorized));
                if (!authorized) {
                    skipBody(in, lines);
                    out.write(simpleAnswer("407 Proxy Authentication Required",
                            "Proxy-Authenticate: Basic realm=\"gempix2-test-proxy\"\r\n"));
                    out.flush();
                    continue;
                }
                try (Socket upstream = new Socket(target.getHost(), port)) {
                    open.add(upstream);
                    upstream.setTcpNoDelay(true);
                    client.setTcpNoDelay(true);
                    if (connect) {
                        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        daemon(() -> pipe(in, upstream), "gempix2-test-proxy-tunnel");
                        upstream.getInputStream().transferTo(out);
                    } else {
                        forward(in, lines, target, upstream);
                        relayAnswer(upstream.getInputStream(), out);
                    }
                } finally {
                    open.removeIf(Socket::isClosed);
                }
                return;
            }
        } catch (IOException | RuntimeException gone) {
            // A client or target that went away ends its connection; the proxy goes on.
        } finally {
            open.remove(client);
        }
    }

    private boolean authorized(String[] lines) {
        if (username == null) {
            return true;
        }
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Proxy-Authorization")) {
                return line.substring(colon + 1).strip().equals(expected);
            }
        }
        return false;
    }

    // The request in origin form, without the proxy's own headers, asking the target to close when done.
    private static void forward(InputStream in, String[] lines, URI target, Socket upstream) throws IOException {
        String[] requestLine = lines[0].split(" ");
        String path = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        StringBuilder head = new StringBuilder(requestLine[0] + " " + path + " " + requestLine[2] + "\r\n");
        for (int i = 1; i < lines.length; i++) {
            String name = lines[i].contains(":") ? lines[i].substring(0, lines[i].indexOf(':')).strip()
                    .toLowerCase(Locale.ROOT) : "";
            if (!name.startsWith("proxy-") && !name.equals("connection") && !name.equals("keep-alive")) {
                head.append(lines[i]).append("\r\n");
            }
        }
        head.append("Connection: close\r\n\r\n");
        OutputStream out = upstream.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        copyBody(in, lines, out);
        out.flush();
    }

    // The target's answer with its connection headers replaced by Connection: close, then its body to the end.
    private static void relayAnswer(InputStream upstream, OutputStream out) throws IOException {
        byte[] head = readHead(upstream);
        if (head == null) {
            return;
        }
        StringBuilder relayed = new StringBuilder();
        for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("connection:") && !lower.startsWith("keep-alive:")) {
                relayed.append(line).append("\r\n");
            }
        }
        relayed.append("Connection: close\r\n\r\n");
        out.write(relayed.toString().getBytes(StandardCharsets.ISO_8859_1));
        upstream.transferTo(out);
        out.flush();
    }

    private static void skipBody(InputStream in, String[] lines) throws IOException {
        copyBody(in, lines, OutputStream.nullOutputStream());
    }

    // Copies a request body framed by Content-Length or chunked encoding, framing included.
    private static void copyBody(InputStream in, String[] lines, OutputStream out) throws IOException {
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                long length = Long.parseLong(line.substring(15).strip());
                for (long copied = 0; copied < length; copied++) {
                    int next = in.read();
                    if (next < 0) {
                        throw new IOException("the request body ended early");
                    }
                    out.write(next);
                }
                return;
            }
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                copyChunks(in, out);
                return;
            }
        }
    }

    private static void copyChunks(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (!trailer.isEmpty());
                return;
            }
            out.write(in.readNBytes(size + 2));
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) >= 0 && next != '\n') {
            if (next != '\r') {
                line.write(next);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    // A message head up to the blank line, without it; null at the end of the stream.
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0 || head.size() > MAX_HEAD_BYTES) {
                return null;
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        byte[] bytes = head.toByteArray();
        return java.util.Arrays.copyOf(bytes, bytes.length - end.length);
    }

    private static byte[] simpleAnswer(String status, String headers) {
        return ("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void pipe(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException gone) {
            // Either side closing ends the tunnel.
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops listening and closes every connection; idempotent. */
    @Override
    public void close() {
        List<java.io.Closeable> all = new ArrayList<>(open);
        all.add(socket);
        for (java.io.Closeable each : all) {
            try {
                each.close();
            } catch (IOException ignored) {
                // Closing is best effort.
            }
        }
    }

    @Override
    public String toString() {
        return "TestProxy[" + address() + (username == null ? "" : ", credentials required") + ", "
                + passages.size() + " passages]";
    }
}
