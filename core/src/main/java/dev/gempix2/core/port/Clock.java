package dev.gempix2.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Time for the client: what time it is, and running something later. {@code SystemClock} is real time;
 * the testkit's {@code ManualClock} is virtual time that a test advances, so no test sleeps.
 *
 * <p>Implementations are thread-safe. Scheduled actions must be short and non-blocking; they run on the
 * clock's own thread (a real clock) or on the thread that advances the clock (a virtual one).
 */
public interface Clock {

    /** @return the current instant */
    Instant now();

    /**
     * Runs an action once after a delay.
     *
     * @param delay how long from now; zero or negative runs it as soon as possible
     * @param action what to run
     * @return a handle that cancels the action if it has not started
     */
    Scheduled schedule(Duration delay, Runnable action);

    /** A scheduled action that can still be called off. */
    @FunctionalInterface
    interface Scheduled {
        /** Cancels the action if it has not started yet; harmless if it has. */
        void cancel();
    }
}
