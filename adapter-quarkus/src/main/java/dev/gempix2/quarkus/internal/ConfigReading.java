package dev.gempix2.quarkus.internal;

import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.error.ConfigurationException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.quarkus.GemPix2Config;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;

/**
 * Turns {@link GemPix2Config} into core's {@link GemPix2Settings}, checked by core's rules: every failure is
 * core's {@link ConfigurationException} whose message starts with the key at fault (and never shows the API key),
 * as with {@code fromEnv}, Micronaut and the command line.
 */
public final class ConfigReading {
    /** Every key of {@link GemPix2Config}, for the unknown-key warning. */
    static final Set<String> KNOWN_KEYS = Stream.concat(GemPix2Settings.frameworkKeys().stream(),
            Stream.of("gempix2.metrics.enabled", "gempix2.tracing.enabled")).collect(Collectors.toUnmodifiableSet());

    /** The prefix of the one key that is a map: {@code gempix2.default-headers.<Name>}. */
    private static final String HEADERS = "gempix2.default-headers.";

    /** The per-client read timeout of the {@code gempix2} REST client, in milliseconds. */
    static final String READ_TIMEOUT_KEY = "quarkus.rest-client.gempix2.read-timeout";

    /** Quarkus' default for {@code quarkus.rest-client.read-timeout}. */
    static final long DEFAULT_READ_TIMEOUT_MILLIS = 30_000;

    private ConfigReading() {
    }

    /**
     * @param config the mapping
     * @return every {@code gempix2.*} key of the mapping as core's settings
     * @throws ConfigurationException naming the key whose value is unusable
     */
    public static GemPix2Settings settings(GemPix2Config config) {
        Map<String, String> keys = new LinkedHashMap<>();
        config.apiKey().ifPresent(key -> keys.put("gempix2.api-key", key));
        keys.put("gempix2.base-url", config.baseUrl());
        keys.put("gempix2.model", config.model());
        keys.put("gempix2.polling.initial-delay", config.polling().initialDelay().toString());
        keys.put("gempix2.polling.max-interval", config.polling().maxInterval().toString());
        keys.put("gempix2.polling.wait-timeout", config.polling().waitTimeout().toString());
        keys.put("gempix2.retry.max-retries", String.valueOf(config.retry().maxRetries()));
        config.callback().baseUrl().ifPresent(url -> keys.put("gempix2.callback.base-url", url));
        keys.put("gempix2.callback.path", config.callback().path());
        keys.put("gempix2.callback.verify", String.valueOf(config.callback().verify()));
        keys.put("gempix2.call-timeout", config.callTimeout().toString());
        keys.put("gempix2.downloads.max-bytes", String.valueOf(config.downloads().maxBytes()));
        keys.put("gempix2.connect-timeout", config.connectTimeout().toString());
        keys.put("gempix2.response-timeout", config.responseTimeout().toString());
        config.proxy().url().ifPresent(url -> keys.put("gempix2.proxy.url", url));
        config.proxy().username().ifPresent(user -> keys.put("gempix2.proxy.username", user));
        config.proxy().password().ifPresent(secret -> keys.put("gempix2.proxy.password", secret));
        config.proxy().nonProxyHosts().ifPresent(hosts -> keys.put("gempix2.proxy.non-proxy-hosts", hosts));
        config.defaultHeaders().forEach((name, value) -> keys.put(HEADERS + name, value));
        config.userAgentSuffix().ifPresent(suffix -> keys.put("gempix2.user-agent-suffix", suffix));
        return GemPix2Settings.fromProperties(keys);
    }

    /**
     * @param config the mapping
     * @return the API key
     * @throws ConfigurationException {@code gempix2.api-key is not set: ...} when unset or blank, or naming it
     *                                when malformed
     */
    public static ApiKey apiKey(GemPix2Config config) {
        return settings(config).requireApiKey();
    }

    /**
     * @param config the mapping
     * @return the base URL
     * @throws ConfigurationException naming {@code gempix2.base-url}
     */
    public static URI baseUrl(GemPix2Config config) {
        return settings(config).baseUrl();
    }

    /**
     * @param config the mapping
     * @return the callback base URL, when callbacks are on
     */
    public static Optional<URI> callbackBaseUrl(GemPix2Config config) {
        return settings(config).callbackBaseUrl();
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
                .map(text -> GemPix2Settings.fromProperties(Map.of("gempix2.callback.base-url", text))
                        .callbackBaseUrl().orElseThrow());
    }

    /**
     * @param config the mapping
     * @return the route path, without a trailing slash
     * @throws ConfigurationException naming {@code gempix2.callback.path} when it is not an absolute path
     */
    public static String callbackPath(GemPix2Config config) {
        return settings(config).callbackPath();
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
        throw new ConfigurationException(key, "must be a positive number of milliseconds such as 30000, got '"
                + text + "'");
    }

    /**
     * @param config the mapping
     * @return the retry policy
     * @throws ConfigurationException naming the key
     */
    public static RetryPolicy retryPolicy(GemPix2Config config) {
        return settings(config).retryPolicy();
    }

    /**
     * @param config the mapping
     * @return the polling policy
     * @throws ConfigurationException naming the key
     */
    public static PollingPolicy pollingPolicy(GemPix2Config config) {
        return settings(config).pollingPolicy();
    }

    /**
     * @param propertyNames every configured property name
     * @return the {@code gempix2.*} names this adapter does not know, sorted
     */
    public static List<String> unknownKeys(Iterable<String> propertyNames) {
        Set<String> unknown = new TreeSet<>();
        for (String name : propertyNames) {
            if (name.startsWith("gempix2.") && !KNOWN_KEYS.contains(name) && !RepositoryChoice.KEYS.contains(name)
                    && !(name.startsWith(HEADERS) && name.length() > HEADERS.length())) {
                unknown.add(name);
            }
        }
        return List.copyOf(unknown);
    }
}
