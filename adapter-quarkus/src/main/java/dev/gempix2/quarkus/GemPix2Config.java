package dev.gempix2.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The {@code gempix2.*} keys of {@code application.properties}. Only {@code gempix2.api-key} is required; an
 * unknown {@code gempix2.*} key is logged as a warning by name, never a startup failure.
 *
 * <pre>{@code
 * gempix2.api-key=${GEMPIX2_API_KEY}
 * gempix2.callback.base-url=https://my-app.example.com/gempix2/callback
 * }</pre>
 *
 * <p>The HTTP client itself is the Quarkus REST Client with the config key {@code gempix2}:
 * {@code quarkus.rest-client.gempix2.*} tunes its timeouts, TLS and proxy.
 */
@ConfigMapping(prefix = "gempix2")
public interface GemPix2Config {

    /** @return {@code gempix2.api-key}: the key sent as {@code Authorization: Bearer ...}; required, never logged */
    Optional<String> apiKey();

    /** @return {@code gempix2.base-url}: the API's base URL; default {@code https://api.defapi.org} */
    @WithDefault("https://api.defapi.org")
    String baseUrl();

    /** @return {@code gempix2.model}: the model id the application's requests use; default {@code google/gempix2} */
    @WithDefault("google/gempix2")
    String model();

    /**
     * Every other {@code gempix2.*} key, so that an unknown one (such as {@code gempix2.version}, passed by a build
     * for the BOM) does not stop the application; the adapter warns about each by name at startup.
     *
     * @return the keys this adapter does not read, without the {@code gempix2.} prefix
     */
    @WithParentName
    Map<String, @WithConverter(VerbatimText.class) String> otherKeys();

    /** @return {@code gempix2.polling.*}: how waits poll */
    Polling polling();

    /** @return {@code gempix2.retry.*}: how failed calls are retried */
    Retry retry();

    /** @return {@code gempix2.callback.*}: the webhook */
    Callback callback();

    /** @return {@code gempix2.metrics.*}: the client's Micrometer meters */
    Metrics metrics();

    /** @return {@code gempix2.tracing.*}: the client's OpenTelemetry spans */
    Tracing tracing();

    /**
     * Reads any value as it is written, an empty one included, so that {@link #otherKeys()} accepts every key
     * (e.g. {@code %test.gempix2.callback.base-url=} to switch callbacks off).
     */
    final class VerbatimText implements Converter<String> {
        private static final long serialVersionUID = 1L;

        /** Needed by SmallRye Config. */
        public VerbatimText() {
        }

        @Override
        public String convert(String value) {
            return value == null ? "" : value;
        }
    }

    /** The {@code gempix2.polling.*} keys. */
    interface Polling {
        /** @return {@code gempix2.polling.initial-delay}: the wait before the first poll; default 2s */
        @WithDefault("2s")
        Duration initialDelay();

        /** @return {@code gempix2.polling.max-interval}: the longest interval between polls; default 10s */
        @WithDefault("10s")
        Duration maxInterval();

        /** @return {@code gempix2.polling.wait-timeout}: how long a wait lasts; default 5m */
        @WithDefault("5m")
        Duration waitTimeout();
    }

    /** The {@code gempix2.retry.*} keys. */
    interface Retry {
        /** @return {@code gempix2.retry.max-retries}: retries after the first attempt; default 3 */
        @WithDefault("3")
        int maxRetries();
    }

    /** The {@code gempix2.callback.*} keys. */
    interface Callback {
        /**
         * @return {@code gempix2.callback.base-url}: the application's public URL of the webhook (callback URLs are
         *         {@code <base-url>/<token>}); unset means callbacks off and no route
         */
        Optional<String> baseUrl();

        /** @return {@code gempix2.callback.path}: the route this adapter serves, {@code POST <path>/<token>}; default {@code /gempix2/callback} */
        @WithDefault("/gempix2/callback")
        String path();

        /** @return {@code gempix2.callback.verify}: confirm each callback with one query before trusting it; default true */
        @WithDefault("true")
        boolean verify();
    }

    /** The {@code gempix2.metrics.*} keys. */
    interface Metrics {
        /**
         * @return {@code gempix2.metrics.enabled}: register the GemPix2 meters in the application's
         *         {@code MeterRegistry} (quarkus-micrometer) when it has one; default true
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** The {@code gempix2.tracing.*} keys. */
    interface Tracing {
        /**
         * @return {@code gempix2.tracing.enabled}: make GemPix2 spans with the application's {@code OpenTelemetry}
         *         (quarkus-opentelemetry) when it has one, and send {@code traceparent} to the API; default true
         */
        @WithDefault("true")
        boolean enabled();
    }
}
