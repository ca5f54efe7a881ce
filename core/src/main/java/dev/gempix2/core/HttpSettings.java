package dev.gempix2.core;

import dev.gempix2.core.internal.HeaderRules;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The network settings every transport takes under the same names: connect and response timeouts, an HTTP proxy,
 * headers added to every request, and a suffix for the {@code User-Agent}
 * ({@code gempix2-java/<version> (<transport>; Java <version>) <suffix>}). Immutable; build with
 * {@link #builder()}, defaults in {@link #defaults()}.
 *
 * <pre>{@code
 * HttpSettings http = HttpSettings.builder()
 *         .connectTimeout(Duration.ofSeconds(3))
 *         .proxy(ProxySettings.of(URI.create("http://proxy.corp:3128")))
 *         .defaultHeader("X-Gateway-Tenant", "images")
 *         .userAgentSuffix("my-app/1.2")
 *         .build();
 * }</pre>
 */
public final class HttpSettings {
    /** How long a transport waits for a connection unless told otherwise: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long a transport waits for the next bytes of an answer unless told otherwise: 30 s. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpSettings DEFAULTS = new Builder().build();

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final ProxySettings proxy;
    private final Map<String, String> defaultHeaders;
    private final String userAgentSuffix;

    private HttpSettings(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.responseTimeout = builder.responseTimeout;
        this.proxy = builder.proxy;
        this.defaultHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(builder.defaultHeaders));
        this.userAgentSuffix = builder.userAgentSuffix;
    }

    /** @return 5 s to connect, 30 s of silence at most, no proxy, no extra headers, no suffix */
    public static HttpSettings defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings, to change some */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.connectTimeout = connectTimeout;
        builder.responseTimeout = responseTimeout;
        builder.proxy = proxy;
        builder.defaultHeaders.putAll(defaultHeaders);
        builder.userAgentSuffix = userAgentSuffix;
        return builder;
    }

    /** @return how long to wait for a connection */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return how long an answer may stay silent (between bytes, the status line included) */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** @return the proxy, or empty to connect directly */
    public Optional<ProxySettings> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** @return headers sent on every request, in the order added (a request's own headers win) */
    public Map<String, String> defaultHeaders() {
        return defaultHeaders;
    }

    /**
     * The headers a request carries besides the SDK's own: these defaults, with the call's headers on top (a
     * name the call gives replaces the default of that name, whatever its case).
     *
     * @param own the call's own headers
     * @return the merged headers, defaults first, in a new map
     */
    public Map<String, String> headersWith(Map<String, String> own) {
        Map<String, String> merged = new LinkedHashMap<>();
        defaultHeaders.forEach((name, value) -> {
            if (own.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                merged.put(name, value);
            }
        });
        merged.putAll(own);
        return merged;
    }

    /** @return the application's product token appended to the {@code User-Agent}, e.g. {@code my-app/1.2} */
    public Optional<String> userAgentSuffix() {
        return Optional.ofNullable(userAgentSuffix);
    }

    /** Equal when every setting is. */
    @Override
    public boolean equals(Object other) {
        return other instanceof HttpSettings that && connectTimeout.equals(that.connectTimeout)
                && responseTimeout.equals(that.responseTimeout) && Objects.equals(proxy, that.proxy)
                && defaultHeaders.equals(that.defaultHeaders) && Objects.equals(userAgentSuffix, that.userAgentSuffix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectTimeout, responseTimeout, proxy, defaultHeaders, userAgentSuffix);
    }

    /** Header values are not shown (a gateway's header may hold a secret), nor the proxy's password. */
    @Override
    public String toString() {
        return "HttpSettings[connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout + ", proxy="
                + (proxy == null ? "none" : proxy) + ", defaultHeaders=" + defaultHeaders.keySet()
                + ", userAgentSuffix=" + (userAgentSuffix == null ? "none" : userAgentSuffix) + "]";
    }

    /** Builds {@link HttpSettings}; every setter validates at once. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private ProxySettings proxy;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private String userAgentSuffix;

        private Builder() {
        }

        /**
         * @param timeout how long to wait for a connection, positive and at most a day; default 5 s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Policies.requireSanePositive("connectTimeout", timeout);
            return this;
        }

        /**
         * @param timeout how long an answer may stay silent, positive and at most a day; default 30 s
         * @return this builder
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = Policies.requireSanePositive("responseTimeout", timeout);
            return this;
        }

        /**
         * @param proxy the proxy to go through, or null to connect directly (the default)
         * @return this builder
         */
        public Builder proxy(ProxySettings proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * Adds a header to every request (a second value for the same name replaces the first).
         *
         * @param name an HTTP header name, not one the SDK or HTTP itself sets
         * @param value its value, on one line
         * @return this builder
         * @throws IllegalArgumentException naming what is wrong
         */
        public Builder defaultHeader(String name, String value) {
            HeaderRules.put("defaultHeader", defaultHeaders, name, value);
            return this;
        }

        /**
         * @param suffix a product token such as {@code my-app/1.2}, printable ASCII on one line; null for none
         * @return this builder
         */
        public Builder userAgentSuffix(String suffix) {
            if (suffix != null && (suffix.isBlank() || !suffix.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
                throw new IllegalArgumentException("userAgentSuffix must be printable ASCII on one line, such as "
                        + "my-app/1.2");
            }
            this.userAgentSuffix = suffix == null ? null : suffix.strip();
            return this;
        }

        /** @return the settings */
        public HttpSettings build() {
            return new HttpSettings(this);
        }
    }
}
