package dev.gempix2.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.quarkus.testing.FakeGemPix2Resource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With quarkus-opentelemetry, the client's {@code gempix2 generate} span is a child of the app's own HTTP server
 * span for {@code POST /images}: the adapter binds the tracing without code.
 */
@QuarkusTest
@WithTestResource(FakeGemPix2Resource.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TraceParentTest {
    @Inject
    CapturedSpans spans;

    @TestHTTPResource("/")
    URI app;

    @Test
    void theGenerateSpanIsAChildOfTheAppsPostImagesServerSpan() throws Exception {
        CompletableFuture<SpanData> serverSpanEnded = spans.nextServerSpan("/images");

        HttpResponse<String> generated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.resolve("images"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a watercolour harbour\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(generated.statusCode()).isEqualTo(200);

        SpanData server = serverSpanEnded.get(20, TimeUnit.SECONDS);
        assertThat(spans.finished())
                .filteredOn(span -> span.getName().equals("gempix2 generate"))
                .filteredOn(span -> span.getTraceId().equals(server.getTraceId()))
                .singleElement()
                .satisfies(generate -> {
                    assertThat(generate.getKind()).isEqualTo(SpanKind.INTERNAL);
                    assertThat(generate.getParentSpanId()).isEqualTo(server.getSpanId());
                });
    }
}
