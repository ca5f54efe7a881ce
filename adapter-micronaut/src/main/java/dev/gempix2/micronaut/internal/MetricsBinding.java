package dev.gempix2.micronaut.internal;

import dev.gempix2.micrometer.GemPix2Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;

/** Registers the GemPix2 meters when the application has a {@link MeterRegistry} bean (micronaut-micrometer). */
@Factory
@Requires(classes = {MeterRegistry.class, GemPix2Metrics.class})
public class MetricsBinding {

    /**
     * @param registry the application's registry
     * @return the observer the client factory registers
     */
    @Singleton
    @Requires(beans = MeterRegistry.class)
    @Requires(property = "gempix2.metrics.enabled", notEquals = StringUtils.FALSE, defaultValue = StringUtils.TRUE)
    public GemPix2Metrics gemPix2Metrics(MeterRegistry registry) {
        return GemPix2Metrics.create(registry);
    }
}
