package dev.gempix2.core.fakes;

import dev.gempix2.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Virtual time: scheduled actions run only when a test advances the clock, on the test's thread, in time
 * order. Records every delay asked for, so backoff and polling schedules can be read back.
 */
public final class TestClock implements Clock {
    /** Where every test clock starts. */
    public static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final List<Duration> delays = new ArrayList<>();
    private Instant now = START;
    private long sequence;
    private int pending;
    private int maxPending;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Scheduled schedule(Duration delay, Runnable action) {
        Duration clamped = delay.isNegative() ? Duration.ZERO : delay;
        Entry entry = new Entry(now.plus(clamped), sequence++, action);
        queue.add(entry);
        delays.add(clamped);
        pending++;
        maxPending = Math.max(maxPending, pending);
        return () -> {
            synchronized (TestClock.this) {
                // Lazy removal: a cancelled entry stays in the queue, skipped when it comes up (O(1) cancel).
                if (!entry.cancelled && !entry.ran) {
                    entry.cancelled = true;
                    pending--;
                }
            }
        };
    }

    /** Moves time forward, running every action that falls due, in order (also those scheduled meanwhile). */
    public void advance(Duration duration) {
        Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at.isAfter(target)) {
                    now = target;
                    return;
                }
                queue.poll();
                if (next.cancelled) {
                    continue;
                }
                next.ran = true;
                pending--;
                now = next.at;
            }
            next.action.run();
        }
    }

    /** @param seconds how far to move @see #advance(Duration) */
    public void advanceSeconds(double seconds) {
        advance(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** Runs what is due now without moving time. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** @return how long since the clock started */
    public synchronized Duration elapsed() {
        return Duration.between(START, now);
    }

    /** @return how many actions wait to run */
    public synchronized int pending() {
        return pending;
    }

    /** @return the most actions that ever waited at once */
    public synchronized int maxPending() {
        return maxPending;
    }

    /** @return every delay scheduled so far, in order */
    public synchronized List<Duration> scheduledDelays() {
        return List.copyOf(delays);
    }

    private static final class Entry implements Comparable<Entry> {
        private final Instant at;
        private final long sequence;
        private final Runnable action;
        private boolean cancelled;
        private boolean ran;

        Entry(Instant at, long sequence, Runnable action) {
            this.at = at;
            this.sequence = sequence;
            this.action = action;
        }

        @Override
        public int compareTo(Entry other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
