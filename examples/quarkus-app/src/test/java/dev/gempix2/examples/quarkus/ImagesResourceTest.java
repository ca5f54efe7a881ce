package dev.gempix2.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.quarkus.testing.FakeGemPix2Resource;
import dev.gempix2.quarkus.testing.InjectFakeGemPix2;
import dev.gempix2.testkit.FakeGemPix2Backend;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@QuarkusTest
@WithTestResource(FakeGemPix2Resource.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ImagesResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectFakeGemPix2
    FakeGemPix2Backend fake;

    @TestHTTPResource("/")
    URI app;

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGenerationCompletesThroughTheWebhook() throws Exception {
        HttpResponse<String> response = post("images", "{\"prompt\":\"a watercolour harbour\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("success");
        assertThat(body.get("images")).isNotEmpty();
        TaskId id = TaskId.of(body.get("taskId").asText());
        // The wait may complete (from the confirming query) before the fake has read the webhook's answer.
        assertThat(fake.awaitCallbackDelivered(id, Duration.ofSeconds(10)).isDelivered()).isTrue();
        // The callback is a hint: the client confirms it with one query, and polls no more than that.
        assertThat(fake.queriesFor(id)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aForgedCallbackTokenIsNotFound() throws Exception {
        HttpResponse<String> response = post("gempix2/callback/forged-token",
                "{\"task_id\":\"ta-forged\",\"status\":\"success\",\"result\":[{\"image\":\"https://evil.example/x.png\"}]}");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void aBlankPromptIsABadRequestNamingTheField() throws Exception {
        HttpResponse<String> response = post("images", "{\"prompt\":\"  \"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("prompt");
        assertThat(fake.submitCount()).isZero();
    }
}
