package dev.gempix2.core;

import dev.gempix2.core.internal.HeaderRules;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Controls for one call, passed as the optional last argument of {@code submit}, {@code task}, {@code generate}
 * and their async forms. Anything not set falls back to the client's own setting. Immutable.
 *
 * <pre>{@code
 * Task task = client.generate(ImageRequest.of("a lighthouse at dawn"), RequestOptions.builder()
 *         .timeout(Duration.ofSeconds(90))                     // submit and wait together
 *         .retryPolicy(RetryPolicy.none())
 *         .header("X-Tenant", "blue")
 *         .build());
 * }</pre>
 *
 * <p>The timeout is the call's overall deadline: retries, backoff and every byte of every answer included (for
 * {@code generate}, the submit and the wait together). When it passes, the HTTP exchange in flight is aborted
 * and its connection freed, and the call fails: a {@code TransportException} for {@code submit} and
 * {@code task} (a submit cut off this way may have created a task: its record stays unfinished, "in doubt"),
 * a {@code TaskTimeoutException} once {@code generate} is waiting. The headers go on the call's own requests
 * (for {@code generate}, the submit; the polls of a wait are shared by every caller waiting for the task).
 *
 * @see GemPix2Client#generate(dev.gempix2.core.model.ImageRequest, RequestOptions)
 */
public final class RequestOptions {
    private static final RequestOptions DEFAULTS = new Builder().build();

    private final Duration timeout;
    private final RetryPolicy retryPolicy;
    private final Map<String, String> headers;

    private RequestOptions(Builder builder) {
        this.timeout = builder.timeout;
        this.retryPolicy = builder.retryPolicy;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    }

    /** @return options that change nothing: every setting is the client's */
    public static RequestOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the call's overall deadline, when set; else the client's ({@code callTimeout}, or the wait timeout) */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return the retries for this call, when set; else the client's {@link RetryPolicy} */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /** @return extra headers for this call's requests, in the order added; empty by default */
    public Map<String, String> headers() {
        return headers;
    }

    /** Header values are not shown: a gateway's header may hold a secret. */
    @Override
    public String toString() {
        return "RequestOptions[timeout=" + (timeout == null ? "client's" : timeout) + ", retryPolicy="
                + (retryPolicy == null ? "client's" : retryPolicy) + ", headers=" + headers.keySet() + "]";
    }

    /** Builds {@link RequestOptions}; every setter validates at once and nothing is required. */
    public static final class Builder {
        private Duration timeout;
        private RetryPolicy retryPolicy;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param timeout the call's overall deadline, positive; default the client's
         * @return this builder
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Policies.requirePositive("timeout", timeout);
            return this;
        }

        /**
         * @param policy the retries for this call; default the client's
         * @return this builder
         * @throws IllegalArgumentException when null
         */
        public Builder retryPolicy(RetryPolicy policy) {
            if (policy == null) {
                throw new IllegalArgumentException("retryPolicy must not be null; leave it unset for the client's");
            }
            this.retryPolicy = policy;
            return this;
        }

        /**
         * Adds a header to this call's requests (a second value for the same name replaces the first).
         *
         * @param name an HTTP header name (a token), not one the SDK or HTTP itself sets, such as
         *             {@code Authorization}, {@code Content-Type} or {@code Host}
         * @param value its value, printable on one line
         * @return this builder
         * @throws IllegalArgumentException naming what is wrong
         */
        public Builder header(String name, String value) {
            HeaderRules.put("RequestOptions.header", headers, name, value);
            return this;
        }

        /** @return the options */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
