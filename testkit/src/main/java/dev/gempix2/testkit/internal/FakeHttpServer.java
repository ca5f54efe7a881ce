package dev.gempix2.testkit.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake's listening socket and worker threads: the JDK's {@code HttpServer} with threads made as concurrent
 * requests need them (a few kept warm), up to a maximum; past that the server's dispatcher waits for a free
 * worker instead of dropping the connection. Thread-safe.
 */
public final class FakeHttpServer {
    private static final int WARM_THREADS = 4;
    private static final int BACKLOG = 1024;

    static {
        // The JDK's HttpServer writes headers and body separately; with Nagle's algorithm on, every answer then
        // waits ~40 ms for the client's delayed ACK, which caps the fake at a few hundred answers a second. The
        // switch is read once per JVM, when the first server starts, so it is set here unless the user chose.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final URI baseUrl;

    private FakeHttpServer(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
        this.baseUrl = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
    }

    /**
     * @param host the address to listen on
     * @param port the port, 0 for a free one
     * @param maxThreads how many requests are served at once
     * @param handler answers every request
     * @return the started server
     * @throws UncheckedIOException when it cannot listen there, naming the host and port
     */
    public static FakeHttpServer start(String host, int port, int maxThreads, HttpHandler handler) {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(Math.min(WARM_THREADS, maxThreads), maxThreads,
                30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "gempix2-fake-http-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, FakeHttpServer::waitForAFreeWorker);
        executor.allowCoreThreadTimeOut(true);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), BACKLOG);
        } catch (IOException bindFailed) {
            executor.shutdownNow();
            throw new UncheckedIOException("the GemPix2 fake could not listen on " + host + ":" + port + ": "
                    + bindFailed.getMessage(), bindFailed);
        }
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        return new FakeHttpServer(server, executor);
    }

    /** @return where it listens, e.g. {@code http://127.0.0.1:53211} */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Stops listening and stops the workers at once. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void waitForAFreeWorker(Runnable exchange, ThreadPoolExecutor pool) {
        if (pool.isShutdown()) {
            throw new RejectedExecutionException("the GemPix2 fake is closed");
        }
        try {
            pool.getQueue().put(exchange);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting for a free worker", interrupted);
        }
    }
}
