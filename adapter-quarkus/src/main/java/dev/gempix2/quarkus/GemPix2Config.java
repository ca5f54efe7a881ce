package dev.gempix2.quarkus;

import dev.gempix2.core.DurationText;
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
 * <p>Every key is read into core's {@code GemPix2Settings} and checked by its rules; durations are read by core's
 * {@link DurationText}. The HTTP client itself is the Quarkus REST Client with the config key {@code gempix2}:
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

    /** @return {@code gempix2.call-timeout}: the overall deadline of one submit, query or download; default 2m */
    @WithDefault("2m")
    @WithConverter(SettingDuration.class)
    Duration callTimeout();

    /** @return {@code gempix2.downloads.*}: image downloads */
    Downloads downloads();

    /** @return {@code gempix2.connect-timeout}: how long to wait for a connection; default 5s */
    @WithDefault("5s")
    @WithConverter(SettingDuration.class)
    Duration connectTimeout();

    /** @return {@code gempix2.response-timeout}: how long an answer may stay silent; default 30s */
    @WithDefault("30s")
    @WithConverter(SettingDuration.class)
    Duration responseTimeout();

    /** @return {@code gempix2.proxy.*}: the HTTP proxy */
    Proxy proxy();

    /**
     * @return {@code gempix2.default-headers.<Name>}: headers sent on every request (not those the SDK or HTTP
     *         sets); default none
     */
    Map<String, String> defaultHeaders();

    /** @return {@code gempix2.user-agent-suffix}: the application's product token after the User-Agent */
    Optional<String> userAgentSuffix();

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

    /**
     * Reads a duration with core's {@link DurationText}, as {@code fromEnv} and the command line do: {@code 30s},
     * {@code 5m}, {@code 1.5s}, {@code 1m30s}, {@code PT30S} or a bare number of seconds.
     */
    final class SettingDuration implements Converter<Duration> {
        private static final long serialVersionUID = 1L;

        /** Needed by SmallRye Config. */
        public SettingDuration() {
        }

        @Override
        public Duration convert(String value) {
            return value == null || value.isBlank() ? null : DurationText.parse(value);
        }
    }

    /** The {@code gempix2.downloads.*} keys. */
    interface Downloads {
        /** @return {@code gempix2.downloads.max-bytes}: the largest image download accepted, in bytes; default 32 MiB */
        @WithDefault("33554432")
        long maxBytes();
    }

    /** The {@code gempix2.proxy.*} keys. */
    interface Proxy {
        /** @return {@code gempix2.proxy.url}: an HTTP proxy, {@code http://host:port}; unset: direct */
        Optional<String> url();

        /** @return {@code gempix2.proxy.username}: the proxy's basic-auth user, with the password */
        Optional<String> username();

        /** @return {@code gempix2.proxy.password}: the proxy's basic-auth password; never logged */
        Optional<String> password();

        /** @return {@code gempix2.proxy.non-proxy-hosts}: hosts reached directly, comma-separated */
        Optional<String> nonProxyHosts();
    }

    /** The {@code gempix2.polling.*} keys. */
    interface Polling {
        /** @return {@code gempix2.polling.initial-delay}: the wait before the first poll; default 2s */
        @WithDefault("2s")
        @WithConverter(SettingDuration.class)
        Duration initialDelay();

        /** @return {@code gempix2.polling.max-interval}: the longest interval between polls; default 10s */
        @WithDefault("10s")
        @WithConverter(SettingDuration.class)
        Duration maxInterval();

        /** @return {@code gempix2.polling.wait-timeout}: how long a wait lasts; default 5m */
        @WithDefault("5m")
        @WithConverter(SettingDuration.class)
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
