package dev.gempix2.testkit;

import dev.gempix2.core.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Virtual time for tests: {@link #now()} stands still until a test calls {@link #advance(Duration)}, which
 * runs every action that falls due, in time order (ties in the order they were scheduled), on the calling
 * thread. Nothing sleeps, and the same test always sees the same order of events.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().clock(clock).build()) {
 *     // submit a task, then:
 *     clock.advance(Duration.ofSeconds(3)); // the task has passed pending, submitted and in_progress
 * }
 * }</pre>
 *
 * <p>Thread-safe. An action scheduled with a zero or negative delay is due at once and runs on the next
 * {@code advance} (also {@code advance(Duration.ZERO)}). If an action throws, the others still run and
 * {@code advance} rethrows the first failure afterwards, so a broken action fails the test instead of
 * vanishing.
 */
public final class ManualClock implements Clock {
    /** Where a new clock starts when no instant is given: a fixed time, so that runs are reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

    private final Object lock = new Object();
    private final ReentrantLock advancing = new ReentrantLock();
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    /** Creates a clock at {@link #DEFAULT_START}. */
    public ManualClock() {
        this(DEFAULT_START);
    }

    /** @param start the clock's first instant */
    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant now() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable action) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(action, "action");
        synchronized (lock) {
            Instant due = delay.isNegative() ? now : now.plus(delay);
            Entry entry = new Entry(due, sequence++, action);
            queue.add(entry);
            return () -> {
                synchronized (lock) {
                    queue.remove(entry);
                }
            };
        }
    }

    /**
     * Moves time forward, running each action that falls due on the way at its own instant.
     *
     * @param duration how far; zero runs only what is already due
     * @throws IllegalArgumentException when the duration is negative
     * @throws RuntimeException the first exception (or {@code AssertionError}) an action threw, after every due
     *                          action has run
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: advance(" + duration + ")");
        }
        advancing.lock();
        try {
            Instant target = now().plus(duration);
            List<Throwable> failures = new ArrayList<>();
            Entry next;
            while ((next = pollDue(target)) != null) {
                try {
                    next.action.run();
                } catch (RuntimeException | AssertionError failure) {
                    failures.add(failure);
                }
            }
            synchronized (lock) {
                if (now.isBefore(target)) {
                    now = target;
                }
            }
            rethrow(failures);
        } finally {
            advancing.unlock();
        }
    }

    /**
     * Moves time to an instant (or nowhere if it has passed), running what falls due.
     *
     * @param instant where to go
     */
    public void advanceTo(Instant instant) {
        Instant current = now();
        advance(instant.isAfter(current) ? Duration.between(current, instant) : Duration.ZERO);
    }

    /** Runs the actions already due, without moving time: the same as {@code advance(Duration.ZERO)}. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** @return how many actions are scheduled and not yet run or cancelled */
    public int pendingCount() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** @return when the earliest scheduled action falls due, if any is scheduled */
    public Optional<Instant> nextDeadline() {
        synchronized (lock) {
            return Optional.ofNullable(queue.peek()).map(entry -> entry.due);
        }
    }

    private Entry pollDue(Instant target) {
        synchronized (lock) {
            Entry head = queue.peek();
            if (head == null || head.due.isAfter(target)) {
                return null;
            }
            queue.poll();
            if (head.due.isAfter(now)) {
                now = head.due;
            }
            return head;
        }
    }

    private static void rethrow(List<Throwable> failures) {
        if (failures.isEmpty()) {
            return;
        }
        Throwable first = failures.get(0);
        failures.subList(1, failures.size()).forEach(first::addSuppressed);
        if (first instanceof AssertionError assertion) {
            throw assertion;
        }
        throw (RuntimeException) first;
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "ManualClock[now=" + now + ", pending=" + queue.size() + "]";
        }
    }

    private record Entry(Instant due, long sequence, Runnable action) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
