package dev.gempix2.transport.httpclient5;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK HttpServer on loopback, port 0, answering per path as a test scripts it, and recording requests. */
final class StubHttpServer implements AutoCloseable {

    /** A request as the server saw it. */
    record Recorded(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "stub-http-handler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final BlockingQueue<Recorded> journal = new LinkedBlockingQueue<>();

    StubHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int port() {
        return server.getAddress().getPort();
    }

    StubHttpServer on(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    StubHttpServer answer(String path, int status, String contentType, String body, String... headerPairs) {
        return on(path, exchange -> reply(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8),
                headerPairs));
    }

    StubHttpServer json(String path, int status, String body, String... headerPairs) {
        return answer(path, status, "application/json", body, headerPairs);
    }

    Recorded takeRequest() throws InterruptedException {
        Recorded request = journal.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the server received no request within 5 s");
        }
        return request;
    }

    static void reply(HttpExchange exchange, int status, String contentType, byte[] body, String... headerPairs)
            throws IOException {
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
        }
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        journal.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
        HttpHandler handler = routes.get(exchange.getRequestURI().getPath());
        if (handler == null) {
            reply(exchange, 404, "text/plain", "no route".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            handler.handle(exchange);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
