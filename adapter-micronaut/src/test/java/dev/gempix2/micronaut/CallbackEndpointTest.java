package dev.gempix2.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.micronaut.internal.CallbackController;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CallbackEndpointTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EmbeddedServer server;
    private ScriptedGenerator generator;
    private GemPix2Client client;

    @BeforeEach
    void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "gempix2.api-key", "dk-controller-test-5555",
                "gempix2.callback.base-url", "https://app.example/gempix2/callback",
                "test.user-beans", "generator"));
        generator = server.getApplicationContext().getBean(ScriptedGenerator.class);
        client = server.getApplicationContext().getBean(GemPix2Client.class);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCallbackForAKnownTaskIsAccepted() throws Exception {
        String token = submitAndTakeToken();
        generator.answerQueriesWith(TaskStatus.SUCCESS);

        HttpResponse<String> response = post("/gempix2/callback/" + token, successPayload("task-1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("accepted");
    }

    @Test
    void theSameCallbackTwiceIsAcceptedThenADuplicate() throws Exception {
        String token = submitAndTakeToken();
        generator.answerQueriesWith(TaskStatus.SUCCESS);
        post("/gempix2/callback/" + token, successPayload("task-1"));

        HttpResponse<String> again = post("/gempix2/callback/" + token, successPayload("task-1"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("duplicate");
    }

    @Test
    void aForgedTokenIsNotFound() throws Exception {
        submitAndTakeToken();

        HttpResponse<String> response = post("/gempix2/callback/forged-token", successPayload("task-1"));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestThatDoesNotEchoIt() throws Exception {
        String token = submitAndTakeToken();

        HttpResponse<String> response = post("/gempix2/callback/" + token, "<script>alert(1)</script>");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid JSON").doesNotContain("script");
    }

    @Test
    void jsonThatIsNotACallbackIsABadRequestNamingTheField() throws Exception {
        String token = submitAndTakeToken();

        HttpResponse<String> response = post("/gempix2/callback/" + token, "{\"status\":\"success\",\"evil\":\"x1y2\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("task_id").doesNotContain("x1y2");
    }

    @Test
    void anEmptyBodyIsABadRequest() throws Exception {
        String token = submitAndTakeToken();

        assertThat(post("/gempix2/callback/" + token, "").statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyOverTheCapIsTooLarge() throws Exception {
        String token = submitAndTakeToken();
        String huge = "{\"task_id\":\"task-1\",\"status\":\"success\",\"pad\":\""
                + "x".repeat(CallbackController.MAX_BODY_BYTES) + "\"}";

        assertThat(post("/gempix2/callback/" + token, huge).statusCode()).isEqualTo(413);
    }

    @Test
    void withoutACallbackBaseUrlThereIsNoEndpoint() throws Exception {
        try (EmbeddedServer plain = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "gempix2.api-key", "dk-controller-test-5555",
                "test.user-beans", "generator"))) {
            assertThat(plain.getApplicationContext().containsBean(CallbackController.class)).isFalse();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(plain.getURI().resolve("/gempix2/callback/t"))
                    .POST(HttpRequest.BodyPublishers.ofString(successPayload("task-1"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    private String submitAndTakeToken() {
        TaskId id = client.submit(ImageRequest.of("a lighthouse"));
        assertThat(id).isEqualTo(TaskId.of("task-1"));
        URI callback = generator.submitted().get(0).callbackUrl().orElseThrow();
        assertThat(callback.toString()).startsWith("https://app.example/gempix2/callback/");
        String path = callback.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String successPayload(String taskId) {
        return "{\"task_id\":\"" + taskId + "\",\"status\":\"success\","
                + "\"result\":[{\"image\":\"https://img.example/" + taskId + ".png\"}],\"consumed\":\"0.1\"}";
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.getURI().resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
