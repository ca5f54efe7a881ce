package dev.gempix2.transport.httpclient5;

import static dev.gempix2.transport.httpclient5.Outcomes.failureOf;
import static dev.gempix2.transport.httpclient5.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HttpClient5TransportLifecycleTest {
    private static final String KEY = "dk-test-key-0123456789abcdef";
    private static final String PENDING = "{\"code\":0,\"data\":{\"task_id\":\"ta-1\",\"status\":\"pending\"}}";

    private StubHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new StubHttpServer();
        server.json("/api/task/query", 200, PENDING);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet();
    }

    @Test
    void closeEndsEveryThreadTheTransportStarted() throws Exception {
        Set<Thread> before = liveThreads();
        HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY).build();
        valueOf(transport.query(TaskId.of("ta-1")));
        List<Thread> started = liveThreads().stream()
                .filter(thread -> !before.contains(thread) && !thread.getName().startsWith("stub-http-handler"))
                .toList();
        assertThat(started).as("the transport runs its I/O on its own threads").isNotEmpty();

        transport.close();

        for (Thread thread : started) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
        assertThat(started).as("threads alive after close()").noneMatch(Thread::isAlive);
    }

    @Test
    void ioThreadsAreDaemonsSoTheyNeverHoldTheJvmOpen() throws Exception {
        try (HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY)
                .build()) {
            valueOf(transport.query(TaskId.of("ta-1")));

            assertThat(liveThreads()).filteredOn(thread -> thread.getName().startsWith("gempix2-httpclient5-"))
                    .isNotEmpty().allMatch(Thread::isDaemon);
        }
    }

    @Test
    void callsAfterCloseFailWithATransportExceptionThatSentNothing() throws Exception {
        HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY).build();
        transport.close();
        transport.close();

        Throwable failure = failureOf(transport.query(TaskId.of("ta-1")));

        assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("closed");
        assertThat(((TransportException) failure).requestMayHaveReachedServer()).isFalse();
    }

    @Test
    void aClientTheUserPassedStaysOpenAfterClose() throws Exception {
        try (CloseableHttpAsyncClient own = HttpAsyncClients.custom().disableAutomaticRetries().build()) {
            HttpClient5Transport transport = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY)
                    .httpClient(own).build();
            assertThat(valueOf(transport.query(TaskId.of("ta-1"))).status()).isEqualTo(TaskStatus.PENDING);

            transport.close();

            assertThat(own.getStatus()).isEqualTo(IOReactorStatus.ACTIVE);
            own.close(CloseMode.GRACEFUL);
        }
    }
}
