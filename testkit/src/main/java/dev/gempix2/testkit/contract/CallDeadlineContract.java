package dev.gempix2.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.RequestOptions;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.FakeResponse;
import dev.gempix2.testkit.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A call's overall deadline ({@link RequestOptions#timeout()}) on a real transport: when it passes, the exchange
 * is aborted and its pooled connection freed, so that a server that answers and then goes silent cannot exhaust
 * the pool. The transport's own response timeout is left at 30 s, far beyond the test's deadlines. A transport's
 * test only says how to build itself with a pool of a given size:
 *
 * <pre>{@code
 * class HttpClient5DeadlineTest extends CallDeadlineContract {
 *     @Override
 *     protected ImageGenerator createGenerator(URI baseUrl, ApiKey apiKey, int connections) {
 *         return HttpClient5Transport.builder().baseUrl(baseUrl).apiKey(apiKey).maxConnections(connections).build();
 *     }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class CallDeadlineContract {
    /** How many pooled connections the transport under test may open. */
    protected static final int POOL = 2;
    private static final RequestOptions SHORT = RequestOptions.builder().timeout(Duration.ofSeconds(1)).build();
    private static final RequestOptions GENEROUS = RequestOptions.builder().timeout(Duration.ofSeconds(10)).build();
    private static final String PENDING = "{\"code\":0,\"message\":\"ok\",\"data\":{\"task_id\":\"stuck\","
            + "\"status\":\"pending\"}}";

    private FakeGemPix2Backend fake;
    private ImageGenerator generator;
    private GemPix2Client client;

    /**
     * @param baseUrl the fake's base URL
     * @param apiKey the fake's key
     * @param connections the most connections the transport may open to the fake at once
     * @return the transport under test, with a response timeout of 30 s (or its default); closed by the suite
     */
    protected abstract ImageGenerator createGenerator(URI baseUrl, ApiKey apiKey, int connections);

    @BeforeAll
    void start() {
        fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(50)).start();
        generator = createGenerator(fake.baseUrl(), fake.apiKey(), POOL);
    }

    @BeforeEach
    void newClient() {
        fake.reset();
        // Queries of "stuck" tasks get their headers and one byte of body, then silence.
        fake.respondWith(request -> request.path().endsWith("/task/query")
                && request.queryParameter("task_id").orElse("").startsWith("stuck")
                ? FakeResponse.json(200, PENDING).stallingAfter(1) : null);
        client = GemPix2Client.builder().generator(generator)
                .pollingPolicy(PollingPolicy.builder().initialDelay(Duration.ofMillis(20)).build()).build();
    }

    @AfterEach
    void closeClient() {
        client.close();
        fake.reset();
    }

    @AfterAll
    void stop() {
        generator.close();
        fake.close();
    }

    @Test
    void callsPastTheirDeadlineOnASilentServerDoNotExhaustThePool() {
        for (int i = 0; i < POOL + 1; i++) {
            TaskId stuck = TaskId.of("stuck-" + i);
            TransportException expired = assertThrows(TransportException.class, () -> client.task(stuck, SHORT));
            assertTrue(expired.getMessage().contains("deadline"), expired.getMessage());
        }

        assertNotNull(client.submit(ImageRequest.of("a lighthouse"), GENEROUS), "a connection is free");
    }

    @Test
    void waitsThatTimeOutOnASilentServerDoNotExhaustThePool() {
        for (int i = 0; i < POOL + 1; i++) {
            TaskId stuck = TaskId.of("stuck-wait-" + i);
            // As long as SHORT, for the same reason: the wait ends once the silent server has begun its answer
            // (what this pins), not while the poll may still be leasing or opening its connection.
            assertThrows(GemPix2Exception.class, () -> client.await(stuck, SHORT.timeout().orElseThrow()));
        }

        assertNotNull(client.submit(ImageRequest.of("a lighthouse"), GENEROUS), "a connection is free");
    }

    @Test
    void perRequestHeadersReachTheWire() {
        client.submit(ImageRequest.of("a lighthouse"), RequestOptions.builder().header("X-Tenant", "blue")
                .timeout(Duration.ofSeconds(10)).build());

        RecordedRequest submit = fake.requests().stream().filter(RecordedRequest::isSubmit).findFirst().orElseThrow();
        assertEquals("blue", submit.header("X-Tenant").orElse(null));
        assertTrue(submit.header("Authorization").isPresent(), "the key still goes");
    }
}
