package dev.gempix2.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** After a {@code POST /images}, the app's Prometheus endpoint shows the GemPix2 meters, bound without code. */
@QuarkusTest
@WithTestResource(FakeGemPix2Resource.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PrometheusScrapeTest {
    @InjectFakeGemPix2
    FakeGemPix2Backend fake;

    @TestHTTPResource("/")
    URI app;

    @Test
    void aGenerationShowsUpInThePrometheusScrape() throws Exception {
        fake.onPrompt("harbour").consumed("1.000000");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> generated = http.send(HttpRequest.newBuilder(app.resolve("images"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a watercolour harbour\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(generated.statusCode()).isEqualTo(200);

        String scrape = http.send(HttpRequest.newBuilder(app.resolve("q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(scrape).contains("gempix2_requests_seconds_count{")
                // The app (and its registry) is shared with other test classes: the total is theirs too.
                .containsPattern("gempix2_credits_consumed_total\\{model=\"google/gempix2\",?\\} [1-9]");
    }
}
