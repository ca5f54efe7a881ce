package dev.gempix2.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.micrometer.GemPix2Metrics;
import dev.gempix2.opentelemetry.GemPix2Tracing;
import dev.gempix2.testkit.FakeGemPix2Backend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A MeterRegistry or OpenTelemetry bean of the application gets the client's meters and spans, unless switched off. */
@Timeout(60)
class ObservabilityBindingTest {
    private final FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ZERO).start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    @AfterEach
    void stop() {
        openTelemetry.close();
        fake.close();
    }

    @Test
    void theApplicationsMeterRegistryAndOpenTelemetryBeansGetTheClientsMetersSpansAndTraceparent() {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties())
                .singletons(registry, openTelemetry).start()) {
            context.getBean(GemPix2Client.class).submit(ImageRequest.of("a red fox"));

            assertThat(context.getBeansOfType(GemPix2Observer.class))
                    .hasAtLeastOneElementOfType(GemPix2Metrics.class)
                    .hasAtLeastOneElementOfType(GemPix2Tracing.class);
            assertThat(registry.get("gempix2.requests").tags("operation", "submit", "outcome", "success")
                    .timer().count()).isEqualTo(1);
            List<SpanData> finished = spans.getFinishedSpanItems();
            assertThat(finished).extracting(SpanData::getName).containsExactly("gempix2 submit");
            assertThat(fake.requests().get(0).header("traceparent")).hasValueSatisfying(header ->
                    assertThat(header).contains(finished.get(0).getSpanId()));
        }
    }

    @Test
    void metricsAndTracingEnabledFalseLeaveTheRegistryAndTracerAlone() {
        Map<String, Object> properties = properties();
        properties.put("gempix2.metrics.enabled", "false");
        properties.put("gempix2.tracing.enabled", "false");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                .singletons(registry, openTelemetry).start()) {
            context.getBean(GemPix2Client.class).submit(ImageRequest.of("a red fox"));

            assertThat(context.getBeansOfType(GemPix2Observer.class)).isEmpty();
            assertThat(registry.find("gempix2.requests").timer()).isNull();
            assertThat(spans.getFinishedSpanItems()).isEmpty();
            assertThat(fake.requests().get(0).header("traceparent")).isEmpty();
        }
    }

    @Test
    void theJarDocumentsTheMetricsAndTracingSwitchesForIdes() throws Exception {
        Map<?, ?> metadata;
        try (InputStream in = GemPix2Configuration.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.createDefault().readValue(in.readAllBytes(), Map.class);
        }
        List<String> names = ((List<?>) metadata.get("properties")).stream()
                .map(property -> (String) ((Map<?, ?>) property).get("name")).toList();

        assertThat(names).contains("gempix2.metrics.enabled", "gempix2.tracing.enabled");
    }

    private Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("gempix2.api-key", fake.apiKey().reveal());
        properties.put("gempix2.base-url", fake.baseUrl().toString());
        return properties;
    }
}
