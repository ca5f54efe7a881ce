package dev.gempix2.core;

import java.time.Duration;

/**
 * How the client retries failed calls: queries and downloads on I/O errors, 429 and 5xx; submits only where
 * the request cannot have created a task (connection refused, 429, 502, 503), unless
 * {@link Builder#retryAmbiguousSubmits(boolean)} is on. Backoff doubles from {@link #initialBackoff()} to
 * {@link #maxBackoff()} with jitter; a {@code Retry-After} from the server is honoured up to
 * {@link #maxRetryAfter()}. Immutable.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxRetries(5).maxBackoff(Duration.ofSeconds(30)).build();
 * }</pre>
 *
 * @param maxRetries retries after the first attempt
 * @param initialBackoff the wait before the first retry (before jitter)
 * @param maxBackoff the longest wait between attempts (before jitter)
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one is cut to this
 * @param retryAmbiguousSubmits whether a submit that may have created a task (500, 504, read timeout) is retried
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                          boolean retryAmbiguousSubmits) {

    /** Default: 3 retries. */
    public static final int DEFAULT_MAX_RETRIES = 3;
    /** Default: 0.5 s before the first retry. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    /** Default: waits grow to at most 8 s. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
    /** Default: a {@code Retry-After} is honoured up to 60 s. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    /**
     * @param maxRetries retries after the first attempt
     * @param initialBackoff the wait before the first retry (before jitter)
     * @param maxBackoff the longest wait between attempts (before jitter)
     * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one is cut to this
     * @param retryAmbiguousSubmits whether a submit that may have created a task (500, 504, read timeout) is retried
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
        Policies.requireSanePositive("initialBackoff", initialBackoff);
        Policies.requireSanePositive("maxBackoff", maxBackoff);
        Policies.requireSaneNotNegative("maxRetryAfter", maxRetryAfter);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be less than initialBackoff ("
                    + initialBackoff + ")");
        }
    }

    /** @return the defaults: 3 retries, 0.5 s doubling to 8 s, Retry-After up to 60 s, no ambiguous submit retries */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** @return a policy that never retries */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The backoff before a retry, before jitter: {@code initialBackoff * 2^(retry-1)}, capped at maxBackoff.
     *
     * @param retry the retry's number, 1 for the first
     * @return the nominal delay
     */
    public Duration nominalBackoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        long millis = initialBackoff.toMillis();
        for (int i = 1; i < retry && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /**
     * The delay before a retry with "equal jitter": uniformly between half the nominal backoff and all of it,
     * so retries of many clients spread out but never come sooner than half the nominal wait.
     *
     * @param retry the retry's number, 1 for the first
     * @param random a value in [0, 1)
     * @return the delay
     */
    public Duration backoff(int retry, double random) {
        long nominal = nominalBackoff(retry).toMillis();
        long half = nominal / 2;
        return Duration.ofMillis(half + (long) Math.floor((nominal - half) * Math.max(0, Math.min(random, 1))));
    }

    /**
     * @param retryAfter what the server asked for
     * @return the wait honoured: the server's, at most {@link #maxRetryAfter()}
     */
    public Duration honour(Duration retryAfter) {
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", backoff=" + initialBackoff + " doubling to " + maxBackoff
                + " with jitter, maxRetryAfter=" + maxRetryAfter + ", retryAmbiguousSubmits=" + retryAmbiguousSubmits
                + "]";
    }

    /** Builds a {@link RetryPolicy}; every setter validates at once. */
    public static final class Builder {
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private boolean retryAmbiguousSubmits;

        private Builder() {
        }

        /**
         * @param maxRetries retries after the first attempt, 0 or more; default 3
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * @param backoff the wait before the first retry, positive, at most 24 h; default 0.5 s
         * @return this builder
         */
        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = Policies.requireSanePositive("initialBackoff", backoff);
            return this;
        }

        /**
         * @param backoff the longest wait between attempts, positive, at most 24 h; default 8 s
         * @return this builder
         */
        public Builder maxBackoff(Duration backoff) {
            this.maxBackoff = Policies.requireSanePositive("maxBackoff", backoff);
            return this;
        }

        /**
         * @param cap the longest Retry-After honoured, at most 24 h; default 60 s
         * @return this builder
         */
        public Builder maxRetryAfter(Duration cap) {
            this.maxRetryAfter = Policies.requireSaneNotNegative("maxRetryAfter", cap);
            return this;
        }

        /**
         * @param retry whether to retry a submit after a 500, a 504 or a read timeout, at the risk of a second
         *              task and its cost; default false
         * @return this builder
         */
        public Builder retryAmbiguousSubmits(boolean retry) {
            this.retryAmbiguousSubmits = retry;
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalArgumentException when maxBackoff is less than initialBackoff
         */
        public RetryPolicy build() {
            return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxRetryAfter, retryAmbiguousSubmits);
        }
    }
}
