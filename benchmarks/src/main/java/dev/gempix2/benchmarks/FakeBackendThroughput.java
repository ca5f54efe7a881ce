package dev.gempix2.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.transport.httpclient5.HttpClient5Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Query requests per second that the {@link FakeGemPix2Backend} answers on loopback, against the floor of the
 * JDK's {@code HttpServer} answering a fixed query body of the same size from a trivial handler, through the
 * same {@link HttpClient5Transport}, {@value #IN_FLIGHT} queries in flight at a time. Target: the fake
 * answers at least 0.3x the floor's rate, so it is never the bottleneck of a user's load test.
 *
 * <p>Both servers run with {@code sun.net.httpserver.nodelay=true}: with the JDK's default (Nagle on), each
 * answer's body waits for the client's delayed ACK of its headers, and both sides measure that stall (about
 * 20 answers per second per connection) instead of their work. Warm-up is longer than the other benchmarks':
 * an HTTP round trip through two stacks takes several seconds of JIT to settle.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class FakeBackendThroughput {
    /** Queries per invocation, all in flight together (the transport's pool holds 20 connections). */
    static final int IN_FLIGHT = 16;

    /** The fake with its defaults, and one finished task to query. */
    @State(Scope.Benchmark)
    public static class Fake {
        FakeGemPix2Backend fake;
        HttpClient5Transport transport;
        TaskId task;

        /** Starts the fake and its transport. */
        @Setup(Level.Trial)
        public void start() {
            fake = FakeGemPix2Backend.builder().stageDuration(Duration.ZERO).start();
            transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
        }

        /** The fake journals every request: a reset per iteration keeps its memory flat. */
        @Setup(Level.Iteration)
        public void freshTask() {
            fake.reset();
            task = transport.submit(ImageRequest.of("a task queried over and over")).join();
        }

        /** Stops both. */
        @TearDown(Level.Trial)
        public void stop() {
            transport.close();
            fake.close();
        }
    }

    /** A JDK {@code HttpServer} whose one handler writes a fixed successful query body. */
    @State(Scope.Benchmark)
    public static class Floor {
        static final TaskId TASK = TaskId.of("ta5c9705-b8ae-4cb9-aa6f-97c4fee88c8d");
        HttpServer server;
        ThreadPoolExecutor executor;
        HttpClient5Transport transport;

        /** Starts the server (with the fake's thread pool shape) and a transport to it. */
        @Setup(Level.Trial)
        public void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            int port = server.getAddress().getPort();
            byte[] body = ("{\"code\":0,\"message\":\"ok\",\"data\":{\"task_id\":\"" + TASK.value()
                    + "\",\"status\":\"success\",\"result\":[{\"image\":\"http://127.0.0.1:" + port + "/files/"
                    + TASK.value() + "/1.png\"}],\"consumed\":\"0.500000\",\"status_reason\":{\"message\":null},"
                    + "\"created_at\":\"2025-08-29T01:55:13.771Z\"}}").getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                exchange.close();
            });
            executor = new ThreadPoolExecutor(256, 256, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
            executor.allowCoreThreadTimeOut(true);
            server.setExecutor(executor);
            server.start();
            transport = HttpClient5Transport.builder().baseUrl(URI.create("http://127.0.0.1:" + port))
                    .apiKey("dk-floor-benchmark-key-0000").build();
        }

        /** Stops both. */
        @TearDown(Level.Trial)
        public void stop() {
            transport.close();
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /**
     * @param fake the fake and its task
     * @return the last task read
     */
    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public Task queryTheFake(Fake fake) {
        return queryAll(fake.transport, fake.task);
    }

    /**
     * @param floor the trivial server
     * @return the last task read
     */
    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public Task queryTheFloor(Floor floor) {
        return queryAll(floor.transport, Floor.TASK);
    }

    @SuppressWarnings("unchecked")
    private static Task queryAll(HttpClient5Transport transport, TaskId task) {
        CompletableFuture<Task>[] queries = new CompletableFuture[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            queries[i] = transport.query(task);
        }
        CompletableFuture.allOf(queries).join();
        return queries[IN_FLIGHT - 1].join();
    }
}
