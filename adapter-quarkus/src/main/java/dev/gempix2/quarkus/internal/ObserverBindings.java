package dev.gempix2.quarkus.internal;

import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.quarkus.GemPix2Config;
import java.util.ArrayList;
import java.util.List;

/**
 * The meters and spans of the client, when the application has quarkus-micrometer / quarkus-opentelemetry and
 * their keys do not switch them off. The libraries are optional: they are looked for by name first, and only
 * then are the classes that use them loaded.
 */
final class ObserverBindings {
    private ObserverBindings() {
    }

    /**
     * @param config the {@code gempix2.*} keys
     * @return {@code GemPix2Metrics} and {@code GemPix2Tracing}, each when its library and bean are there
     */
    static List<GemPix2Observer> found(GemPix2Config config) {
        List<GemPix2Observer> found = new ArrayList<>(2);
        if (config.metrics().enabled() && onClassPath("io.micrometer.core.instrument.MeterRegistry")) {
            MetricsBinding.observer().ifPresent(found::add);
        }
        if (config.tracing().enabled() && onClassPath("io.opentelemetry.api.OpenTelemetry")) {
            TracingBinding.observer().ifPresent(found::add);
        }
        return found;
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, ObserverBindings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
