package dev.gempix2.micronaut.internal;

import dev.gempix2.opentelemetry.GemPix2Tracing;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Singleton;

/** Makes GemPix2 spans when the application has an {@link OpenTelemetry} bean (micronaut-tracing-opentelemetry). */
@Factory
@Requires(classes = {OpenTelemetry.class, GemPix2Tracing.class})
public class TracingBinding {

    /**
     * @param openTelemetry the application's OpenTelemetry
     * @return the observer the client factory registers
     */
    @Singleton
    @Requires(beans = OpenTelemetry.class)
    @Requires(property = "gempix2.tracing.enabled", notEquals = StringUtils.FALSE, defaultValue = StringUtils.TRUE)
    public GemPix2Tracing gemPix2Tracing(OpenTelemetry openTelemetry) {
        return GemPix2Tracing.create(openTelemetry);
    }
}
