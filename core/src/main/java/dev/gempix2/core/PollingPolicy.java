package dev.gempix2.core;

import java.time.Duration;

/**
 * How the client polls while it waits: the first poll after {@link #initialDelay()}, each interval
 * {@link #multiplier()} times the last up to {@link #maxInterval()}, the whole wait bounded by
 * {@link #waitTimeout()}. A 404 within {@link #notFoundGrace()} of submitting is the provider catching up,
 * not an error. With callbacks on, polling slows to a safety net of at most one poll per
 * {@link #callbackSafetyInterval()}. Immutable.
 *
 * <pre>{@code
 * PollingPolicy quick = PollingPolicy.builder().initialDelay(Duration.ofMillis(500)).waitTimeout(Duration.ofMinutes(2)).build();
 * }</pre>
 *
 * @param initialDelay the wait before the first poll
 * @param multiplier how each interval grows, 1.0 or more
 * @param maxInterval the longest interval between polls
 * @param waitTimeout how long a wait lasts before {@code TaskTimeoutException}
 * @param notFoundGrace how long after submitting a 404 is taken as "not visible yet"
 * @param callbackSafetyInterval the interval of the safety-net polls while callbacks are on
 */
public record PollingPolicy(Duration initialDelay, double multiplier, Duration maxInterval, Duration waitTimeout,
                            Duration notFoundGrace, Duration callbackSafetyInterval) {

    /** Default: first poll after 2 s. */
    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(2);
    /** Default: intervals grow by 1.5. */
    public static final double DEFAULT_MULTIPLIER = 1.5;
    /** Default: at most 10 s between polls. */
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(10);
    /** Default: a wait gives up after 5 minutes. */
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(5);
    /** Default: a 404 within 30 s of submitting is not an error. */
    public static final Duration DEFAULT_NOT_FOUND_GRACE = Duration.ofSeconds(30);
    /** Default: with callbacks on, a safety-net poll every 30 s. */
    public static final Duration DEFAULT_CALLBACK_SAFETY_INTERVAL = Duration.ofSeconds(30);

    /**
     * @param initialDelay the wait before the first poll
     * @param multiplier how each interval grows, 1.0 or more
     * @param maxInterval the longest interval between polls
     * @param waitTimeout how long a wait lasts before {@code TaskTimeoutException}
     * @param notFoundGrace how long after submitting a 404 is taken as "not visible yet"
     * @param callbackSafetyInterval the interval of the safety-net polls while callbacks are on
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public PollingPolicy {
        Policies.requireSanePositive("initialDelay", initialDelay);
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be 1.0 or more, got " + multiplier);
        }
        Policies.requireSanePositive("maxInterval", maxInterval);
        Policies.requirePositive("waitTimeout", waitTimeout);
        Policies.requireSaneNotNegative("notFoundGrace", notFoundGrace);
        Policies.requireSanePositive("callbackSafetyInterval", callbackSafetyInterval);
    }

    /** @return the defaults: 2 s, ×1.5, up to 10 s, 5 min timeout, 30 s grace for 404, 30 s safety net */
    public static PollingPolicy defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param previous the interval before, or null for the first poll
     * @return the interval before the next poll
     */
    public Duration nextInterval(Duration previous) {
        if (previous == null) {
            return initialDelay;
        }
        long next = (long) Math.ceil(previous.toMillis() * multiplier);
        return Duration.ofMillis(Math.min(next, maxInterval.toMillis()));
    }

    @Override
    public String toString() {
        return "PollingPolicy[initialDelay=" + initialDelay + ", multiplier=" + multiplier + ", maxInterval="
                + maxInterval + ", waitTimeout=" + waitTimeout + ", notFoundGrace=" + notFoundGrace
                + ", callbackSafetyInterval=" + callbackSafetyInterval + "]";
    }

    /** Builds a {@link PollingPolicy}; every setter validates at once. */
    public static final class Builder {
        private Duration initialDelay = DEFAULT_INITIAL_DELAY;
        private double multiplier = DEFAULT_MULTIPLIER;
        private Duration maxInterval = DEFAULT_MAX_INTERVAL;
        private Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;
        private Duration notFoundGrace = DEFAULT_NOT_FOUND_GRACE;
        private Duration callbackSafetyInterval = DEFAULT_CALLBACK_SAFETY_INTERVAL;

        private Builder() {
        }

        /**
         * @param delay the wait before the first poll, positive, at most 24 h; default 2 s
         * @return this builder
         */
        public Builder initialDelay(Duration delay) {
            this.initialDelay = Policies.requireSanePositive("initialDelay", delay);
            return this;
        }

        /**
         * @param multiplier how intervals grow, 1.0 or more; default 1.5
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be 1.0 or more, got " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * @param interval the longest interval between polls, positive, at most 24 h; default 10 s
         * @return this builder
         */
        public Builder maxInterval(Duration interval) {
            this.maxInterval = Policies.requireSanePositive("maxInterval", interval);
            return this;
        }

        /**
         * @param timeout how long a wait lasts, positive; default 5 min
         * @return this builder
         */
        public Builder waitTimeout(Duration timeout) {
            this.waitTimeout = Policies.requirePositive("waitTimeout", timeout);
            return this;
        }

        /**
         * @param grace how long after submitting a 404 is tolerated, at most 24 h; default 30 s
         * @return this builder
         */
        public Builder notFoundGrace(Duration grace) {
            this.notFoundGrace = Policies.requireSaneNotNegative("notFoundGrace", grace);
            return this;
        }

        /**
         * @param interval the safety-net poll interval with callbacks on, positive, at most 24 h; default 30 s
         * @return this builder
         */
        public Builder callbackSafetyInterval(Duration interval) {
            this.callbackSafetyInterval = Policies.requireSanePositive("callbackSafetyInterval", interval);
            return this;
        }

        /** @return the policy */
        public PollingPolicy build() {
            return new PollingPolicy(initialDelay, multiplier, maxInterval, waitTimeout, notFoundGrace,
                    callbackSafetyInterval);
        }
    }
}
