package dev.gempix2.quarkus.internal;

import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.quarkus.GemPix2Config;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * Turns {@link GemPix2Config} into core's values. Every failure is a {@link ConfigurationException} whose
 * message names the key at fault (and never shows the API key).
 */
public final class ConfigReading {
    /** Every key of {@link GemPix2Config}, for the unknown-key warning. */
    static final Set<String> KNOWN_KEYS = Set.of(
            "gempix2.api-key", "gempix2.base-url", "gempix2.model",
            "gempix2.polling.initial-delay", "gempix2.polling.max-interval", "gempix2.polling.wait-timeout",
            "gempix2.retry.max-retries",
            "gempix2.callback.base-url", "gempix2.callback.path", "gempix2.callback.verify",
            "gempix2.metrics.enabled", "gempix2.tracing.enabled");

    /** The per-client read timeout of the {@code gempix2} REST client, in milliseconds. */
    static final String READ_TIMEOUT_KEY = "quarkus.rest-client.gempix2.read-timeout";

    /** Quarkus' default for {@code quarkus.rest-client.read-timeout}. */
    static final long DEFAULT_READ_TIMEOUT_MILLIS = 30_000;

    private ConfigReading() {
    }

    /**
     * @param config the mapping
     * @return the API key
     * @throws ConfigurationException naming {@code gempix2.api-key} when it is unset, blank or malformed
     */
    public static ApiKey apiKey(GemPix2Config config) {
        String secret = config.apiKey().filter(text -> !text.isBlank()).orElseThrow(() -> new ConfigurationException(
                "gempix2.api-key is not set: GemPix2 needs an API key. Set gempix2.api-key in application.properties "
                        + "(e.g. gempix2.api-key=${GEMPIX2_API_KEY}) or the environment variable GEMPIX2_API_KEY.",
                Set.of("gempix2.api-key")));
        try {
            return ApiKey.of(secret);
        } catch (InvalidRequestException malformed) {
            throw new ConfigurationException("gempix2.api-key is malformed: it must be printable ASCII without spaces",
                    Set.of("gempix2.api-key"));
        }
    }

    /**
     * @param config the mapping
     * @return the base URL
     * @throws ConfigurationException naming {@code gempix2.base-url}
     */
    public static URI baseUrl(GemPix2Config config) {
        return httpUrl("gempix2.base-url", config.baseUrl());
    }

    /**
     * @param config the mapping
     * @return the callback base URL, when callbacks are on
     */
    public static Optional<URI> callbackBaseUrl(GemPix2Config config) {
        return config.callback().baseUrl().filter(text -> !text.isBlank())
                .map(text -> httpUrl("gempix2.callback.base-url", text));
    }

    /**
     * The callback base URL as configured now. The mapping is filled before the HTTP server listens, so a value
     * such as {@code http://localhost:${quarkus.http.test-port}/gempix2/callback} is read again here, once the
     * server has its real port.
     *
     * @param config the live configuration
     * @return the callback base URL, when callbacks are on
     */
    public static Optional<URI> currentCallbackBaseUrl(Config config) {
        return config.getOptionalValue("gempix2.callback.base-url", String.class).filter(text -> !text.isBlank())
                .map(text -> httpUrl("gempix2.callback.base-url", text));
    }

    /**
     * @param config the mapping
     * @return the route path, without a trailing slash
     * @throws ConfigurationException naming {@code gempix2.callback.path} when it is not an absolute path
     */
    public static String callbackPath(GemPix2Config config) {
        String path = config.callback().path().strip();
        if (!path.startsWith("/") || path.length() < 2 || path.contains(":") || path.contains("*")
                || path.contains("?") || path.contains("#") || path.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigurationException("gempix2.callback.path must be an absolute path such as "
                    + "/gempix2/callback (no ':', '*', '?', '#' or spaces), got '" + path + "'",
                    Set.of("gempix2.callback.path"));
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * The REST client's read timeout, which the downloader also applies to a whole body: {@code
     * quarkus.rest-client.gempix2.read-timeout}, else {@code quarkus.rest-client.read-timeout}, else Quarkus'
     * default of {@value #DEFAULT_READ_TIMEOUT_MILLIS} ms.
     *
     * @param config the live configuration
     * @return the read timeout
     * @throws ConfigurationException naming the key when its value is not a positive number of milliseconds
     */
    public static Duration readTimeout(Config config) {
        for (String key : List.of(READ_TIMEOUT_KEY, "quarkus.rest-client.read-timeout")) {
            Optional<String> text = config.getOptionalValue(key, String.class).filter(value -> !value.isBlank());
            if (text.isPresent()) {
                return positiveMillis(key, text.get());
            }
        }
        return Duration.ofMillis(DEFAULT_READ_TIMEOUT_MILLIS);
    }

    private static Duration positiveMillis(String key, String text) {
        try {
            long millis = Long.parseLong(text.strip());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the key's name
        }
        throw new ConfigurationException(key + " must be a positive number of milliseconds such as 30000, got '"
                + text + "'", Set.of(key));
    }

    /**
     * @param config the mapping
     * @return the retry policy
     * @throws ConfigurationException naming the key
     */
    public static RetryPolicy retryPolicy(GemPix2Config config) {
        try {
            return RetryPolicy.builder().maxRetries(config.retry().maxRetries()).build();
        } catch (IllegalArgumentException outOfRange) {
            throw new ConfigurationException("gempix2.retry.max-retries: " + outOfRange.getMessage(),
                    Set.of("gempix2.retry.max-retries"));
        }
    }

    /**
     * @param config the mapping
     * @return the polling policy
     * @throws ConfigurationException naming the key
     */
    public static PollingPolicy pollingPolicy(GemPix2Config config) {
        PollingPolicy.Builder builder = PollingPolicy.builder();
        apply("gempix2.polling.initial-delay", () -> builder.initialDelay(config.polling().initialDelay()));
        apply("gempix2.polling.max-interval", () -> builder.maxInterval(config.polling().maxInterval()));
        apply("gempix2.polling.wait-timeout", () -> builder.waitTimeout(config.polling().waitTimeout()));
        return builder.build();
    }

    /**
     * @param propertyNames every configured property name
     * @return the {@code gempix2.*} names this adapter does not know, sorted
     */
    public static List<String> unknownKeys(Iterable<String> propertyNames) {
        Set<String> unknown = new TreeSet<>();
        for (String name : propertyNames) {
            if (name.startsWith("gempix2.") && !KNOWN_KEYS.contains(name) && !RepositoryChoice.KEYS.contains(name)) {
                unknown.add(name);
            }
        }
        return List.copyOf(unknown);
    }

    private static void apply(String key, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException outOfRange) {
            throw new ConfigurationException(key + ": " + outOfRange.getMessage(), Set.of(key));
        }
    }

    private static URI httpUrl(String key, String text) {
        try {
            URI uri = new URI(text.strip());
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            // reported below, with the key's name
        }
        throw new ConfigurationException(key + " must be an absolute http(s) URL such as https://example.com, got '"
                + text + "'", Set.of(key));
    }
}
