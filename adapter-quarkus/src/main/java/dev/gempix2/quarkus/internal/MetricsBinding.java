package dev.gempix2.quarkus.internal;

import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.micrometer.GemPix2Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import java.util.Optional;

/** {@link GemPix2Metrics} over the application's {@link MeterRegistry} bean; loaded only when Micrometer is there. */
final class MetricsBinding {
    private MetricsBinding() {
    }

    static Optional<GemPix2Observer> observer() {
        InstanceHandle<MeterRegistry> registry = Arc.container().instance(MeterRegistry.class);
        return registry.isAvailable() ? Optional.of(GemPix2Metrics.create(registry.get())) : Optional.empty();
    }
}
