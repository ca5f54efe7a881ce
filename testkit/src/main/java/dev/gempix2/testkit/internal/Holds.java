package dev.gempix2.testkit.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/** Answers held back by a latency fault until the fake's clock releases them, or a reset calls them off. */
public final class Holds {
    private final Set<CompletableFuture<Boolean>> open = ConcurrentHashMap.newKeySet();
    private int armed;

    /**
     * Blocks the calling server thread until the fake's clock has moved on by {@code delay}.
     *
     * @param delay how long, on the fake's clock
     * @param scheduler the fake's scheduler
     * @return true when released by the clock, false when called off by a reset or close
     */
    public boolean await(Duration delay, Scheduler scheduler) {
        CompletableFuture<Boolean> release = new CompletableFuture<>();
        open.add(release);
        boolean counted = false;
        try {
            scheduler.schedule(delay, () -> release.complete(true));
            synchronized (this) {
                armed++;
                counted = true;
                notifyAll();
            }
            return release.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException impossible) {
            return false;
        } finally {
            open.remove(release);
            if (counted) {
                synchronized (this) {
                    armed--;
                }
            }
        }
    }

    /** @return how many answers are held right now, waiting for the clock */
    public synchronized int count() {
        return armed;
    }

    /**
     * Waits until at least {@code count} answers are held, so that a test advances the clock only once the
     * requests it sent are waiting for it.
     *
     * @param count how many
     * @param timeout how long to wait at most
     * @return true when that many are held
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized boolean awaitCount(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (armed < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Calls off every held answer: their connections are dropped. */
    public void releaseAll() {
        for (CompletableFuture<Boolean> release : open) {
            release.complete(false);
        }
    }
}
