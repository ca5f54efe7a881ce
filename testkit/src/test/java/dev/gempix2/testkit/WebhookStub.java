package dev.gempix2.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook endpoint on loopback that records what it receives and answers the statuses it is told. */
final class WebhookStub implements AutoCloseable {
    private final HttpServer server;
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<String> arrivals = new LinkedBlockingQueue<>();

    WebhookStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            Integer status = statuses.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
            arrivals.add(body);
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void answerNext(int... next) {
        for (int status : next) {
            statuses.add(status);
        }
    }

    List<String> bodies() {
        return List.copyOf(bodies);
    }

    String awaitBody() throws InterruptedException {
        String body = arrivals.poll(10, TimeUnit.SECONDS);
        if (body == null) {
            throw new AssertionError("no callback arrived within 10 s");
        }
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
