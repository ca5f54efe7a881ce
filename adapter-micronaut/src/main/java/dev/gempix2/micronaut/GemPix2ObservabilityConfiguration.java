package dev.gempix2.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The {@code gempix2.metrics.*} and {@code gempix2.tracing.*} keys: whether the client's meters
 * ({@code GemPix2Metrics}, when the application has a {@code MeterRegistry} bean) and spans
 * ({@code GemPix2Tracing}, when it has an {@code OpenTelemetry} bean) are made. Both default to on.
 */
public final class GemPix2ObservabilityConfiguration {
    private GemPix2ObservabilityConfiguration() {
    }

    /** {@code gempix2.metrics.*}. */
    @ConfigurationProperties("gempix2.metrics")
    public static class Metrics {
        private boolean enabled = true;

        /** @return whether the GemPix2 meters are registered in the application's MeterRegistry */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Whether the GemPix2 meters (gempix2.requests, gempix2.tasks.duration, ...) are registered in the
         * application's MeterRegistry, when it has one. Default true.
         *
         * @param enabled false to leave them out
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code gempix2.tracing.*}. */
    @ConfigurationProperties("gempix2.tracing")
    public static class Tracing {
        private boolean enabled = true;

        /** @return whether GemPix2 spans are made with the application's OpenTelemetry */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Whether GemPix2 spans (gempix2 generate, gempix2 submit, ...) are made with the application's
         * OpenTelemetry, when it has one, and the traceparent header is sent to the API. Default true.
         *
         * @param enabled false to leave them out
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
