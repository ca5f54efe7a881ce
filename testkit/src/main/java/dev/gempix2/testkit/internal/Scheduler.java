package dev.gempix2.testkit.internal;

import dev.gempix2.core.port.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake's timed actions on its clock, all of which a reset calls off, so that a task of an earlier test
 * never fires into the next one. Thread-safe.
 */
public final class Scheduler {
    private final Clock clock;
    private final Set<Entry> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLong generation = new AtomicLong();

    private static final class Entry {
        private volatile Clock.Scheduled handle;
    }

    /** @param clock the fake's clock */
    public Scheduler(Clock clock) {
        this.clock = clock;
    }

    /** @return the current generation; it changes at each reset */
    public long generation() {
        return generation.get();
    }

    /**
     * @param delay how long from now, on the fake's clock
     * @param action what to run, unless a reset comes first
     */
    public void schedule(Duration delay, Runnable action) {
        long scheduledIn = generation.get();
        Entry entry = new Entry();
        pending.add(entry);
        entry.handle = clock.schedule(delay, () -> {
            pending.remove(entry);
            if (generation.get() == scheduledIn) {
                action.run();
            }
        });
    }

    /** Calls off every pending action and starts a new generation. */
    public void cancelAll() {
        generation.incrementAndGet();
        for (Entry entry : pending) {
            Clock.Scheduled handle = entry.handle;
            if (handle != null) {
                handle.cancel();
            }
            pending.remove(entry);
        }
    }
}
