package dev.gempix2.transport.httpclient5;

import static dev.gempix2.transport.httpclient5.Outcomes.failureOf;
import static dev.gempix2.transport.httpclient5.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.RateLimitedException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HttpClient5TransportTest {
    private static final String KEY = "dk-test-key-0123456789abcdef";

    private StubHttpServer server;
    private HttpClient5Transport transport;

    @BeforeEach
    void start() throws Exception {
        server = new StubHttpServer();
        transport = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY).build();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    @Test
    void submitPostsTheSpecBodyWithTheKeyAndUserAgent() throws Exception {
        server.json("/api/image/gen", 200, "{\"code\":0,\"message\":\"ok\",\"data\":{\"task_id\":\"ta-1\"}}");

        valueOf(transport.submit(ImageRequest.builder().prompt("a red fox").model(Model.GEMINI_2_5_FLASH_IMAGE)
                .referenceImage(URI.create("https://example.com/a.png")).build()));

        StubHttpServer.Recorded request = server.takeRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("User-Agent")).matches("gempix2-java/\\d+\\.\\d+\\.\\d+.*");
        assertThat(request.body()).isEqualTo("{\"model\":\"google/gemini-2.5-flash-image\",\"prompt\":\"a red fox\","
                + "\"images\":[\"https://example.com/a.png\"]}");
    }

    @Test
    void submitReturnsTheTaskIdTheProviderAnswered() throws Exception {
        server.json("/api/image/gen", 200, "{\"code\":0,\"message\":\"ok\",\"data\":{\"task_id\":\"ta-42\"}}");

        assertThat(valueOf(transport.submit(ImageRequest.of("a red fox")))).isEqualTo(TaskId.of("ta-42"));
    }

    @Test
    void queryReadsTheSnapshotWithCreditsFromTheProvidersDecimalString() throws Exception {
        server.json("/api/task/query", 200, "{\"code\":0,\"data\":{\"task_id\":\"ta-7\",\"status\":\"success\","
                + "\"result\":[{\"image\":\"https://cdn.example/1.png\"}],\"consumed\":\"0.500000\","
                + "\"status_reason\":{\"message\":null},\"some_new_field\":[1,2]}}");

        Task task = valueOf(transport.query(TaskId.of("ta-7")));

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.images()).extracting(image -> image.location()).containsExactly("https://cdn.example/1.png");
        assertThat(task.consumedCredits()).contains(new BigDecimal("0.500000"));
        assertThat(server.takeRequest().pathAndQuery()).isEqualTo("/api/task/query?task_id=ta-7");
    }

    @Test
    void unknownTaskFailsWithTaskNotFound() throws Exception {
        server.json("/api/task/query", 404, "{\"code\":1,\"message\":\"task not found\"}");

        assertThat(failureOf(transport.query(TaskId.of("ta-missing")))).isInstanceOf(TaskNotFoundException.class);
    }

    @Test
    void rejectedRequestCarriesTheProvidersDetail() throws Exception {
        server.json("/api/image/gen", 400, "{\"code\":1,\"message\":\"failed\",\"detail\":\"prompt is required\"}");

        Throwable failure = failureOf(transport.submit(ImageRequest.of("x")));

        assertThat(failure).isInstanceOf(InvalidRequestException.class);
        assertThat(((InvalidRequestException) failure).detail()).contains("prompt is required");
    }

    @Test
    void badKeyFailsWithAuthenticationExceptionThatDoesNotShowTheKey() throws Exception {
        server.json("/api/image/gen", 401, "{\"code\":1,\"message\":\"Invalid API key\"}");

        Throwable failure = failureOf(transport.submit(ImageRequest.of("x")));

        assertThat(failure).isInstanceOf(AuthenticationException.class);
        assertThat(failure.getMessage()).doesNotContain(KEY);
    }

    @Test
    void rateLimitCarriesTheRetryAfterHeader() throws Exception {
        server.json("/api/task/query", 429, "{\"code\":1,\"message\":\"slow down\"}", "Retry-After", "7");

        Throwable failure = failureOf(transport.query(TaskId.of("ta-1")));

        assertThat(failure).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) failure).retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void htmlErrorPageFromAProxyIsAServerException() throws Exception {
        server.answer("/api/task/query", 502, "text/html", "<html><body>Bad gateway</body></html>");

        Throwable failure = failureOf(transport.query(TaskId.of("ta-1")));

        assertThat(failure).isInstanceOf(ServerException.class);
        assertThat(((ServerException) failure).httpStatus()).isEqualTo(502);
    }

    @Test
    void hugeErrorPageIsCutShortAndStillAServerException() throws Exception {
        server.answer("/api/task/query", 500, "text/html", "<html>" + "x".repeat(1_000_000) + "</html>");

        assertThat(failureOf(transport.query(TaskId.of("ta-1")))).isInstanceOf(ServerException.class);
    }

    @Test
    void successWithABodyThatIsNotJsonIsATransportException() throws Exception {
        server.answer("/api/task/query", 200, "text/html", "<html>maintenance</html>");

        assertThat(failureOf(transport.query(TaskId.of("ta-1")))).isInstanceOf(TransportException.class);
    }

    @Test
    void truncatedJsonIsATransportException() throws Exception {
        server.json("/api/task/query", 200, "{\"code\":0,\"data\":{\"task_id\":\"ta-1\",\"sta");

        assertThat(failureOf(transport.query(TaskId.of("ta-1")))).isInstanceOf(TransportException.class);
    }

    @Test
    void okWithANonZeroCodeIsAnApiException() throws Exception {
        server.json("/api/image/gen", 200, "{\"code\":3,\"message\":\"insufficient credits\"}");

        Throwable failure = failureOf(transport.submit(ImageRequest.of("x")));

        assertThat(failure).isExactlyInstanceOf(ApiException.class);
        assertThat(((ApiException) failure).code()).isEqualTo(3);
    }

    @Test
    void nullRequestFailsTheFutureInsteadOfThrowing() throws Exception {
        assertThat(failureOf(transport.submit(null))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("request");
    }

    @Test
    void userAgentSuffixFollowsTheLibraryName() throws Exception {
        server.json("/api/task/query", 200, "{\"code\":0,\"data\":{\"status\":\"pending\"}}");
        try (HttpClient5Transport withSuffix = HttpClient5Transport.builder().baseUrl(server.baseUrl()).apiKey(KEY)
                .userAgentSuffix("my-app/1.2").build()) {
            valueOf(withSuffix.query(TaskId.of("ta-1")));
        }

        assertThat(server.takeRequest().header("User-Agent")).matches("gempix2-java/\\S+ \\(httpclient5; Java \\S+\\) my-app/1\\.2");
    }

    @Test
    void baseUrlWithAPathPrefixKeepsThePrefix() throws Exception {
        server.json("/proxy/api/task/query", 200, "{\"code\":0,\"data\":{\"status\":\"in_progress\"}}");
        try (HttpClient5Transport prefixed = HttpClient5Transport.builder()
                .baseUrl(URI.create(server.baseUrl() + "/proxy/")).apiKey(KEY).build()) {
            assertThat(valueOf(prefixed.query(TaskId.of("ta-1"))).status()).isEqualTo(TaskStatus.IN_PROGRESS);
        }
    }
}
