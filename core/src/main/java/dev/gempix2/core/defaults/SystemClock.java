package dev.gempix2.core.defaults;

import dev.gempix2.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Real time: {@link #now()} is the system clock and {@link #schedule(Duration, Runnable)} runs actions on one
 * daemon thread ({@code gempix2-clock}) shared by every client that uses {@link #shared()}. Actions must be
 * short and non-blocking: the client only starts I/O from them.
 */
public final class SystemClock implements Clock, AutoCloseable {
    private static final SystemClock SHARED = new SystemClock();

    private final ScheduledExecutorService scheduler;

    /** Creates a clock with its own scheduler thread; {@link #close()} stops it. */
    public SystemClock() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "gempix2-clock");
            thread.setDaemon(true);
            return thread;
        });
        // Cancelled polls are dropped at once, so 10,000 cancelled waits hold no memory.
        executor.setRemoveOnCancelPolicy(true);
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
        return () -> future.cancel(false);
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
