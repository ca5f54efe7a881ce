package dev.gempix2.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.quarkus.testing.FakeGemPix2Resource;
import dev.gempix2.quarkus.testing.InjectFakeGemPix2;
import dev.gempix2.testkit.CallbackDelivery;
import dev.gempix2.testkit.FakeGemPix2Backend;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.time.Duration;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@QuarkusTest
@WithTestResource(FakeGemPix2Resource.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CallbackRouteTest {
    private static final String PAYLOAD = """
            {"result":[{"image":"https://img.example.com/1.png"}],"status":"success",
             "task_id":"ta-forged","consumed":"0.5","status_reason":{"message":null}}""";

    @TestHTTPResource("/gempix2/callback")
    URI callbacks;

    @InjectFakeGemPix2
    FakeGemPix2Backend fake;

    @Inject
    GemPix2Client client;

    @Test
    void aGenerationCompletesThroughTheWebhookWithOneConfirmingQuery() {
        Task task = client.generate(ImageRequest.of("a fox in the snow"), Duration.ofSeconds(20));

        CallbackDelivery delivery = fake.awaitCallbackDelivered(task.id(), Duration.ofSeconds(10));
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.url().getPath()).startsWith("/gempix2/callback/");
        assertThat(fake.callbacksDelivered()).filteredOn(delivered -> delivered.taskId().equals(task.id()))
                .hasSize(1);
        // Polling is a slow safety net with callbacks on: the final state is confirmed by at most one query.
        assertThat(fake.queriesFor(task.id())).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aCallbackDeliveredTwiceIsAcceptedAsADuplicate() throws Exception {
        Task task = client.generate(ImageRequest.of("a kite"), Duration.ofSeconds(20));
        CallbackDelivery first = fake.awaitCallbackDelivered(task.id(), Duration.ofSeconds(10));

        HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(first.url())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(first.body())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("duplicate");
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(callbacks + "/" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aForgedTokenIsNotFound() throws Exception {
        HttpResponse<String> response = post("forged-token", PAYLOAD);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("unknown callback token");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestThatDoesNotEchoIt() throws Exception {
        HttpResponse<String> response = post("some-token", "<script>alert(1)</script>");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("not a GemPix2 callback: body: ").doesNotContain("script");
    }

    @Test
    void aCallbackWithoutTaskIdIsABadRequestNamingTheField() throws Exception {
        HttpResponse<String> response = post("some-token", "{\"status\":\"success\",\"note\":\"hello-there\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("task_id").doesNotContain("hello-there");
    }

    @Test
    void anEmptyBodyIsABadRequest() throws Exception {
        assertThat(post("some-token", "").statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyPastTheCapIsRefusedUnread() throws Exception {
        String huge = "{\"task_id\":\"" + "x".repeat(70 * 1024) + "\",\"status\":\"success\"}";

        assertThat(post("some-token", huge).statusCode()).isEqualTo(413);
    }

    @Test
    void aGetOnTheCallbackPathIsNotServed() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(callbacks + "/some-token")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(404, 405);
    }
}
