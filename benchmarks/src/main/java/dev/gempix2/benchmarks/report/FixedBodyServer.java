package dev.gempix2.benchmarks.report;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@code HttpServer} on loopback whose one handler writes the same body to every request: the floor of
 * a server, and the source of the download section's image. Its threads are named {@value #THREAD_PREFIX}.
 */
final class FixedBodyServer implements AutoCloseable {
    /** Prefix of the handler threads' names, so that allocation counts can leave them out. */
    static final String THREAD_PREFIX = "bench-fixed-body-";

    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    FixedBodyServer(byte[] body, String contentType) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException cannotListen) {
            throw new UncheckedIOException(cannotListen);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            exchange.close();
        });
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(256, 256, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, THREAD_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.start();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
