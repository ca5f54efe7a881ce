package dev.gempix2.repository.jdbc;

import com.sun.net.httpserver.HttpServer;
import dev.gempix2.core.CallbackReceiver;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.Task;
import dev.gempix2.transport.httpclient5.CallbackParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer in front of the instances' webhook endpoints: each callback goes to a receiver picked at
 * random; with no receiver up it answers 503, as a load balancer without backends does.
 */
final class CallbackRouter implements AutoCloseable {
    private static final String PATH = "/gempix2/callback/";

    private final HttpServer server;
    private final List<CallbackReceiver> receivers = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();

    CallbackRouter() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "callback-router");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(PATH, exchange -> {
            int status;
            String path = exchange.getRequestURI().getPath();
            String token = path.substring(path.lastIndexOf('/') + 1);
            List<CallbackReceiver> up = List.copyOf(receivers);
            if (up.isEmpty()) {
                unavailable.incrementAndGet();
                status = 503;
            } else {
                try {
                    Task reported = CallbackParser.parse(exchange.getRequestBody().readAllBytes());
                    status = up.get(ThreadLocalRandom.current().nextInt(up.size())).receive(token, reported).httpStatus();
                } catch (InvalidRequestException malformed) {
                    status = 400;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gempix2/callback");
    }

    void add(CallbackReceiver receiver) {
        receivers.add(receiver);
    }

    void remove(CallbackReceiver receiver) {
        receivers.remove(receiver);
    }

    /** @return how many callbacks came while no instance was up */
    int unavailableAnswers() {
        return unavailable.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
