package dev.gempix2.transport.httpclient5;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gempix2.core.CallbackOutcome;
import dev.gempix2.core.CallbackReceiver;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The plain-Java webhook receiver of the README, on the JDK's {@code HttpServer} with {@link CallbackParser}, as
 * an app should write it: only {@code POST} of JSON, the body refused past {@value #MAX_BODY_BYTES} bytes before it
 * is read whole, 400 for a body that is not a callback, and the receiver's status otherwise.
 */
final class JdkWebhook implements AutoCloseable {
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String PATH = "/gempix2/callback/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final AtomicReference<CallbackReceiver> receiver = new AtomicReference<>();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder unknown = new LongAdder();

    JdkWebhook() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        server.createContext(PATH, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** @param target the client's receiver; until set, every callback is answered 503 */
    void deliverTo(CallbackReceiver target) {
        receiver.set(target);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gempix2/callback");
    }

    long accepted() {
        return accepted.sum();
    }

    long duplicates() {
        return duplicates.sum();
    }

    long unknownTokens() {
        return unknown.sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.sendResponseHeaders(status(exchange), -1);
        }
    }

    private int status(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return 405;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return 415;
        }
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
            return 413;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return 413;
        }
        CallbackReceiver target = receiver.get();
        if (target == null) {
            return 503;
        }
        String path = exchange.getRequestURI().getPath();
        Task reported;
        try {
            reported = CallbackParser.parse(body);
        } catch (InvalidRequestException malformed) {
            return 400;
        }
        CallbackOutcome outcome = target.receive(path.substring(path.lastIndexOf('/') + 1), reported);
        (outcome == CallbackOutcome.ACCEPTED ? accepted : outcome == CallbackOutcome.DUPLICATE ? duplicates : unknown)
                .increment();
        return outcome.httpStatus();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
