package dev.gempix2.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.testkit.FakeGemPix2Backend;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * With micronaut-tracing-opentelemetry-http, the client's {@code gempix2 generate} span is a child of the app's own
 * HTTP server span for {@code POST /images}: the adapter binds the tracing without code.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class TraceParentTest implements TestPropertyProvider {
    private FakeGemPix2Backend fake;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    CapturedSpans spans;

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
    void theGenerateSpanIsAChildOfTheAppsPostImagesServerSpan() throws Exception {
        CompletableFuture<SpanData> serverSpanEnded = spans.nextServerSpan("/images");

        http.toBlocking().retrieve(HttpRequest.POST("/images", Map.of("prompt", "a lighthouse at dawn")));

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
