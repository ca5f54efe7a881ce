package dev.gempix2.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.CallbackDelivery;
import dev.gempix2.testkit.FakeGemPix2Backend;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The app as it runs in production, against the testkit's fake GemPix2: the fake POSTs each finished task to
 * this app's own webhook, which completes the wait.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ImagesWithCallbacksTest implements TestPropertyProvider {
    private FakeGemPix2Backend fake;
    private Path imagesDir;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(100)).start();
        int port = freeLoopbackPort();
        try {
            imagesDir = Files.createTempDirectory("gempix2-images");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "micronaut.server.host", "127.0.0.1",
                "micronaut.server.port", String.valueOf(port),
                "gempix2.api-key", fake.apiKey().reveal(),
                "gempix2.base-url", fake.baseUrl().toString(),
                "gempix2.callback.base-url", "http://127.0.0.1:" + port + "/gempix2/callback",
                // Polling is the safety net: keep it out of the way so that the callback is what completes.
                "gempix2.polling.initial-delay", "30s",
                "app.images-dir", imagesDir.toString());
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @Test
    void aGenerationCompletesThroughTheWebhook() {
        GeneratedImages answer = http.toBlocking().retrieve(
                HttpRequest.POST("/images", Map.of("prompt", "a lighthouse at dawn")), GeneratedImages.class);

        TaskId id = TaskId.of(answer.taskId());
        assertThat(answer.images()).isNotEmpty().allSatisfy(image -> {
            assertThat(image.url()).startsWith(fake.baseUrl().toString());
            assertThat(Path.of(image.file())).startsWith(imagesDir).isRegularFile();
        });
        // The wait may complete (from the confirming query) before the fake has read the webhook's answer.
        CallbackDelivery delivered = fake.awaitCallbackDelivered(id, Duration.ofSeconds(10));
        assertThat(delivered.status()).isBetween(200, 299);
        assertThat(fake.callbacksDelivered()).filteredOn(callback -> callback.taskId().equals(id)).hasSize(1);
        assertThat(fake.queriesFor(id)).as("the callback is confirmed by at most one query").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aForgedCallbackTokenIsNotFound() {
        HttpRequest<String> forged = HttpRequest.POST("/gempix2/callback/not-a-real-token",
                "{\"task_id\":\"ta-forged\",\"status\":\"success\",\"result\":[{\"image\":\"https://evil.example/x.png\"}]}");

        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().exchange(forged, Argument.of(String.class)));

        assertThat(refused.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
    }

    @Test
    void aBlankPromptIsABadRequest() {
        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/images", Map.of("prompt", " "))));

        assertThat(refused.code()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(refused.getResponse().getBody(String.class)).hasValueSatisfying(
                body -> assertThat(body).contains("prompt"));
    }

    private static int freeLoopbackPort() {
        // The callback URL must name the app's port before the app starts: ask the system for a free one.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
