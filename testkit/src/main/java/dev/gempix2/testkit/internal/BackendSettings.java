package dev.gempix2.testkit.internal;

import dev.gempix2.core.port.Clock;
import dev.gempix2.testkit.ImageMode;
import java.time.Duration;
import java.util.Set;

/**
 * The fake's fixed settings, from its builder.
 *
 * @param clock the fake's time
 * @param stages default time in pending, submitted and in_progress
 * @param imageMode how images are handed out by default
 * @param models the model ids accepted
 * @param callbackAttempts how many times a callback is tried in all
 * @param callbackRetryDelay the first wait before a retry (real time), doubling after each
 * @param journalLimit how many requests (and callback attempts) the journal keeps at most
 */
public record BackendSettings(Clock clock, Duration[] stages, ImageMode imageMode, Set<String> models,
                              int callbackAttempts, Duration callbackRetryDelay, int journalLimit) {

    /**
     * Copies the stages and models.
     *
     * @param clock the fake's time
     * @param stages default time in pending, submitted and in_progress
     * @param imageMode how images are handed out by default
     * @param models the model ids accepted
     * @param callbackAttempts how many times a callback is tried in all
     * @param callbackRetryDelay the first wait before a retry (real time), doubling after each
     * @param journalLimit how many requests (and callback attempts) the journal keeps at most
     */
    public BackendSettings {
        stages = stages.clone();
        models = Set.copyOf(models);
    }

    /** @return a copy of the default time in pending, submitted and in_progress */
    @Override
    public Duration[] stages() {
        return stages.clone();
    }
}
