package dev.gempix2.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.testkit.FakeGemPix2Backend;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** After a {@code POST /images}, the app's Prometheus endpoint shows the GemPix2 meters, bound without code. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class PrometheusScrapeTest implements TestPropertyProvider {
    private FakeGemPix2Backend fake;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(50)).start();
        try {
            return Map.of(
                    "gempix2.api-key", fake.apiKey().reveal(),
                    "gempix2.base-url", fake.baseUrl().toString(),
                    "gempix2.polling.initial-delay", "100ms",
                    "app.images-dir", Files.createTempDirectory("gempix2-images").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @Test
    void aGenerationShowsUpInThePrometheusScrape() {
        fake.onPrompt("lighthouse").consumed("1.000000");
        http.toBlocking().retrieve(HttpRequest.POST("/images", Map.of("prompt", "a lighthouse at dawn")));

        String scrape = http.toBlocking().retrieve(HttpRequest.GET("/prometheus"));

        assertThat(scrape).contains("gempix2_requests_seconds_count{")
                // The app (and its registry) is shared with other test classes: the total is theirs too.
                .containsPattern("gempix2_credits_consumed_total\\{model=\"google/gempix2\",?\\} [1-9]");
    }
}
