package dev.gempix2.transport.httpclient5;

import static dev.gempix2.transport.httpclient5.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConnectionPoolTest {
    private static final String KEY = "dk-test-key-0123456789abcdef";
    private static final byte[] PENDING = "{\"code\":0,\"data\":{\"status\":\"pending\"}}".getBytes(StandardCharsets.UTF_8);

    private StubHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new StubHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sequentialRequestsReuseKeepAliveConnections() throws Exception {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        server.on("/api/task/query", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            StubHttpServer.reply(exchange, 200, "application/json", PENDING);
        });
        try (HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY)
                .build()) {
            for (int i = 0; i < 10; i++) {
                valueOf(transport.query(TaskId.of("ta-" + i)));
            }
        }

        // A future completes as the body ends, a moment before its connection is back in the pool: the next
        // request may open a second one, and from then on the two take turns.
        assertThat(clientPorts).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void manyRequestsInFlightHoldNoThreadEach() throws Exception {
        int inFlight = 20;
        CountDownLatch allArrived = new CountDownLatch(inFlight);
        CountDownLatch release = new CountDownLatch(1);
        server.on("/api/task/query", exchange -> {
            allArrived.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            StubHttpServer.reply(exchange, 200, "application/json", PENDING);
        });
        try (HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY)
                .maxConnections(inFlight).build()) {
            List<CompletableFuture<Task>> answers = IntStream.range(0, inFlight)
                    .mapToObj(i -> transport.query(TaskId.of("ta-" + i))).toList();
            assertThat(allArrived.await(10, TimeUnit.SECONDS)).as("all requests reached the server").isTrue();

            long transportThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("gempix2-httpclient5-")).count();
            release.countDown();

            assertThat(transportThreads).as("one reactor thread and at most two I/O threads").isLessThanOrEqualTo(3);
            for (CompletableFuture<Task> answer : answers) {
                assertThat(valueOf(answer).status().wireValue()).isEqualTo("pending");
            }
        }
    }
}
