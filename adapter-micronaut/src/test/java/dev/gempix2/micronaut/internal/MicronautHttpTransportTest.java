package dev.gempix2.micronaut.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.RateLimitedException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import io.micronaut.http.client.StreamingHttpClient;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MicronautHttpTransportTest {
    private static final ApiKey KEY = ApiKey.of("dk-test-0000000000001234");

    private StubHttpServer stub;
    private StreamingHttpClient http;
    private MicronautHttpTransport transport;

    @BeforeEach
    void start() throws IOException {
        stub = new StubHttpServer();
        http = StreamingHttpClient.create(null);
        transport = new MicronautHttpTransport(http, JsonMapper.createDefault(), stub.url(), KEY, 5);
    }

    @AfterEach
    void stop() {
        http.close();
        stub.close();
    }

    @Test
    void submitSendsTheSpecBodyWithTheBearerKeyAndReadsTheTaskId() throws Exception {
        stub.answer(200, "application/json", "{\"code\":0,\"message\":\"ok\",\"data\":{\"task_id\":\"ta-1\"}}");

        TaskId id = await(transport.submit(ImageRequest.of("a red fox")));

        assertThat(id).isEqualTo(TaskId.of("ta-1"));
        StubHttpServer.Received sent = stub.received().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.pathAndQuery()).isEqualTo("/api/image/gen");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY.reveal());
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        assertThat(JsonMapper.createDefault().readValue(sent.body(), Map.class))
                .containsEntry("model", "google/gempix2").containsEntry("prompt", "a red fox");
    }

    @Test
    void queryReadsTheSnapshotThroughTheWireFormat() throws Exception {
        stub.answer(200, "application/json", "{\"code\":0,\"data\":{\"task_id\":\"ta-2\",\"status\":\"success\","
                + "\"consumed\":\"0.25\",\"result\":[{\"image\":\"https://img.example/1.png\"}]}}");

        Task task = await(transport.query(TaskId.of("ta-2")));

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.images()).extracting(image -> image.location()).containsExactly("https://img.example/1.png");
        assertThat(stub.received().get(0).pathAndQuery()).isEqualTo("/api/task/query?task_id=ta-2");
    }

    @Test
    void anErrorStatusKeepsItsJsonBodyForTheMappedException() {
        stub.answer(400, "application/json", "{\"code\":400,\"message\":\"prompt is required\"}");

        assertThatThrownBy(() -> await(transport.submit(ImageRequest.of("x"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("prompt is required");
    }

    @Test
    void aRejectedKeyIsAnAuthenticationError() {
        stub.answer(401, "application/json", "{\"code\":401,\"message\":\"invalid api key\"}");

        assertThatThrownBy(() -> await(transport.query(TaskId.of("ta-3"))))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void tooManyRequestsCarriesItsRetryAfter() {
        stub.answer(429, "application/json", "{\"code\":429,\"message\":\"slow down\"}".getBytes(),
                Map.of("Retry-After", "7"));

        assertThatThrownBy(() -> await(transport.query(TaskId.of("ta-4"))))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void anHtmlErrorPageIsAServerError() {
        stub.answer(502, "text/html", "<html><body>Bad gateway</body></html>");

        assertThatThrownBy(() -> await(transport.query(TaskId.of("ta-5")))).isInstanceOf(ServerException.class);
    }

    @Test
    void aSuccessThatIsNotJsonIsATransportError() {
        stub.answer(200, "text/html", "<html>maintenance</html>");

        assertThatThrownBy(() -> await(transport.query(TaskId.of("ta-6")))).isInstanceOf(TransportException.class);
    }

    @Test
    void aRefusedConnectionIsKnownNotToHaveReachedTheServer() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        MicronautHttpTransport nowhere = new MicronautHttpTransport(http, JsonMapper.createDefault(), closed, KEY, 5);

        assertThatThrownBy(() -> await(nowhere.submit(ImageRequest.of("x"))))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.requestMayHaveReachedServer()).isFalse());
    }

    @Test
    void downloadReturnsTheBytesAndSendsTheKeyOnlyToTheApiOrigin() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        stub.answer(200, "image/png", png, Map.of());
        URI otherOrigin = URI.create(stub.url().toString().replace("127.0.0.1", "localhost") + "/img/1.png");

        assertThat(await(transport.download(otherOrigin, 1024))).isEqualTo(png);
        assertThat(stub.received().get(0).header("Authorization")).isNull();

        assertThat(await(transport.download(stub.url().resolve("/img/2.png"), 1024))).isEqualTo(png);
        assertThat(stub.received().get(1).header("Authorization")).isEqualTo("Bearer " + KEY.reveal());
    }

    @Test
    void theKeyDoesNotFollowARedirectFromTheApiOriginToAnotherHost() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        try (StubHttpServer cdn = new StubHttpServer()) {
            cdn.answer(200, "image/png", png, Map.of());
            stub.answer(302, "text/plain", new byte[0], Map.of("Location", cdn.url() + "/img/1.png"));

            assertThat(await(transport.download(stub.url().resolve("/files/1.png"), 1024))).isEqualTo(png);

            assertThat(stub.received().get(0).header("Authorization")).isEqualTo("Bearer " + KEY.reveal());
            assertThat(cdn.received().get(0).header("Authorization")).isNull();
        }
    }

    @Test
    void downloadFailsOnceTheBodyPassesTheCap() {
        stub.answer(200, "image/png", new byte[10_000], Map.of());

        assertThatThrownBy(() -> await(transport.download(stub.url().resolve("/img/big.png"), 1_000)))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("/img/big.png").hasMessageContaining("larger than the limit of 1000 bytes");
    }

    @Test
    void downloadOfAMissingImageIsMappedLikeTheApi() {
        stub.answer(503, "text/plain", "busy");

        assertThatThrownBy(() -> await(transport.download(stub.url().resolve("/img/gone.png"), 1_000)))
                .isInstanceOf(ServerException.class);
    }

    @Test
    void theKeyNeverShowsInTheTransportsDescription() {
        assertThat(transport.toString()).doesNotContain(KEY.reveal()).contains("1234");
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw (Exception) failed.getCause();
        }
    }
}
