package dev.gempix2.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.quarkus.testing.FakeGemPix2Resource;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The application's MeterRegistry and OpenTelemetry beans get the client's meters and spans without code. */
@QuarkusTest
@WithTestResource(FakeGemPix2Resource.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ObservabilityBindingTest {
    @Inject
    GemPix2Client client;
    @Inject
    MeterRegistry registry;

    @Test
    void theApplicationsMeterRegistryAndOpenTelemetryGetTheClientsMetersAndSpans() {
        double before = registry.find("gempix2.requests").tags("operation", "submit").timers().stream()
                .mapToLong(timer -> timer.count()).sum();
        ObservabilityBeans.SPANS.reset();

        client.submit(ImageRequest.of("a lighthouse at dusk"));

        assertThat(registry.get("gempix2.requests").tags("operation", "submit", "outcome", "success").timer().count())
                .isEqualTo((long) before + 1);
        assertThat(ObservabilityBeans.SPANS.getFinishedSpanItems()).extracting(SpanData::getName)
                .contains("gempix2 submit");
    }
}
