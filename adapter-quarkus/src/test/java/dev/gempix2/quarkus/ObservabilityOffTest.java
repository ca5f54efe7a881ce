package dev.gempix2.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.quarkus.testing.FakeGemPix2Resource;
import dev.gempix2.quarkus.testing.InjectFakeGemPix2;
import dev.gempix2.testkit.FakeGemPix2Backend;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code gempix2.metrics.enabled=false} and {@code gempix2.tracing.enabled=false} bind neither meters nor spans. */
@QuarkusTest
@TestProfile(ObservabilityOffTest.MetricsAndTracingOff.class)
@WithTestResource(FakeGemPix2Resource.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ObservabilityOffTest {

    /** The application has a MeterRegistry and an OpenTelemetry bean but switches both bindings off. */
    public static class MetricsAndTracingOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gempix2.metrics.enabled", "false", "gempix2.tracing.enabled", "false");
        }
    }

    @Inject
    GemPix2Client client;
    @Inject
    MeterRegistry registry;
    @InjectFakeGemPix2
    FakeGemPix2Backend fake;

    @Test
    void metricsAndTracingSwitchedOffLeaveTheRegistryTheTracerAndTheProviderRequestsAlone() {
        ObservabilityBeans.SPANS.reset();

        client.submit(ImageRequest.of("a lighthouse at dusk"));

        assertThat(registry.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("gempix2."));
        assertThat(ObservabilityBeans.SPANS.getFinishedSpanItems()).isEmpty();
        assertThat(fake.requests()).isNotEmpty()
                .allSatisfy(request -> assertThat(request.header("traceparent")).isEmpty());
    }
}
