package dev.gempix2.quarkus.internal;

import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.opentelemetry.GemPix2Tracing;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import java.util.Optional;

/** {@link GemPix2Tracing} over the application's {@link OpenTelemetry} bean; loaded only when the API is there. */
final class TracingBinding {
    private TracingBinding() {
    }

    static Optional<GemPix2Observer> observer() {
        InstanceHandle<OpenTelemetry> openTelemetry = Arc.container().instance(OpenTelemetry.class);
        return openTelemetry.isAvailable() ? Optional.of(GemPix2Tracing.create(openTelemetry.get()))
                : Optional.empty();
    }
}
