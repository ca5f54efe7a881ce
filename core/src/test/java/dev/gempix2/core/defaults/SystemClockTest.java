package dev.gempix2.core.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's per-call cost: every call schedules its deadline and cancels it when it ends. Removing the
 * cancelled action at once left the queue empty, so the next call's deadline became its head and woke the
 * clock's thread: one context switch per call. Cancelled actions now stay queued until a purge.
 */
class SystemClockTest {
    private final SystemClock clock = new SystemClock();

    @AfterEach
    void stop() {
        clock.close();
    }

    @Test
    void aCancelledDeadlineStaysQueuedSoThatTheNextOneIsNotTheQueuesHead() {
        for (int call = 0; call < 10; call++) {
            clock.schedule(Duration.ofSeconds(30), () -> { }).cancel();
        }

        assertThat(clock.queued()).isEqualTo(10);
    }

    @Test
    void cancelledActionsArePurgedSoThatTenThousandCancelledWaitsHoldNoMoreThanAFewHundredEntries() throws Exception {
        for (int call = 0; call < 10_000; call++) {
            clock.schedule(Duration.ofMinutes(5), () -> { }).cancel();
        }
        CompletableFuture<Void> afterThePurges = new CompletableFuture<>();
        clock.schedule(Duration.ZERO, () -> afterThePurges.complete(null));
        afterThePurges.get(30, TimeUnit.SECONDS);

        assertThat(clock.queued()).isLessThanOrEqualTo(SystemClock.PURGE_EVERY);
    }

    @Test
    void anActionThatIsNotCancelledStillRuns() throws Exception {
        CompletableFuture<String> ran = new CompletableFuture<>();

        clock.schedule(Duration.ofMillis(1), () -> ran.complete("ran"));

        assertThat(ran.get(30, TimeUnit.SECONDS)).isEqualTo("ran");
    }
}
