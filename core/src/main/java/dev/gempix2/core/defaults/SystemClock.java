package dev.gempix2.core.defaults;

import dev.gempix2.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real time: {@link #now()} is the system clock and {@link #schedule(Duration, Runnable)} runs actions on one
 * daemon thread ({@code gempix2-clock}) shared by every client that uses {@link #shared()}. Actions must be
 * short and non-blocking: the client only starts I/O from them.
 */
public final class SystemClock implements Clock, AutoCloseable {
    private static final SystemClock SHARED = new SystemClock();

    /** Cancelled actions are dropped from the queue after this many cancellations. */
    static final int PURGE_EVERY = 256;

    private final ScheduledThreadPoolExecutor executor;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger cancelledSincePurge = new AtomicInteger();

    /** Creates a clock with its own scheduler thread; {@link #close()} stops it. */
    public SystemClock() {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "gempix2-clock");
            thread.setDaemon(true);
            return thread;
        });
        // A cancelled action stays queued until the next purge, on this clock's thread, after PURGE_EVERY
        // cancellations (so 10,000 cancelled waits hold at most that many emptied entries, not their actions).
        // Removing it at once emptied the queue after every call's deadline was cancelled, so that the next
        // call's deadline became the queue's head and woke this thread: one more context switch per call,
        // which the benchmarks' per-call cost measured (issue 14).
        executor.setRemoveOnCancelPolicy(false);
        this.scheduler = Executors.unconfigurableScheduledExecutorService(executor);
    }

    /** @return the clock shared by every client that does not bring its own */
    public static SystemClock shared() {
        return SHARED;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable action) {
        long nanos = Math.max(0, delay.toNanos());
        ScheduledFuture<?> future = scheduler.schedule(action, nanos, TimeUnit.NANOSECONDS);
        return () -> {
            if (future.cancel(false) && cancelledSincePurge.incrementAndGet() >= PURGE_EVERY) {
                cancelledSincePurge.set(0);
                try {
                    executor.execute(executor::purge);
                } catch (RejectedExecutionException closed) {
                    // Closed: nothing is left to purge.
                }
            }
        };
    }

    /** @return actions in the queue, cancelled ones not yet purged included (for tests) */
    int queued() {
        return executor.getQueue().size();
    }

    /** Stops this clock's thread; the {@link #shared()} clock ignores this. */
    @Override
    public void close() {
        if (this != SHARED) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "SystemClock";
    }
}
