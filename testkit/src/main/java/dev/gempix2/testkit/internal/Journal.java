package dev.gempix2.testkit.internal;

import dev.gempix2.testkit.CallbackDelivery;
import dev.gempix2.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The latest requests the fake received and the latest callbacks it tried, in order, at most {@code limit} of
 * each: a load test through the fake must not fill the heap. The oldest entries are dropped and counted; the
 * totals stay exact. Thread-safe.
 */
public final class Journal {
    private final int limit;
    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final Deque<RecordedRequest> untaken = new ArrayDeque<>();
    private final Deque<CallbackDelivery> callbacks = new ArrayDeque<>();
    private final Deque<CallbackDelivery> untakenCallbacks = new ArrayDeque<>();
    private long sequence;
    private long submits;
    private long droppedRequests;
    private long droppedCallbacks;

    /** @param limit how many requests, and how many callback attempts, are kept at most; at least 1 */
    public Journal(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the journal keeps at least 1 request, not " + limit);
        }
        this.limit = limit;
    }

    /** @return the next request's number */
    public synchronized long nextSequence() {
        return ++sequence;
    }

    /** @param request a request just received */
    public synchronized void record(RecordedRequest request) {
        if (request.isSubmit()) {
            submits++;
        }
        if (keep(requests, request)) {
            droppedRequests++;
        }
        keep(untaken, request);
        notifyAll();
    }

    /** @param delivery a callback attempt just finished */
    public synchronized void record(CallbackDelivery delivery) {
        if (keep(callbacks, delivery)) {
            droppedCallbacks++;
        }
        keep(untakenCallbacks, delivery);
        notifyAll();
    }

    // Adds at the end; returns true when the oldest entry had to go to make room.
    private <T> boolean keep(Deque<T> entries, T entry) {
        entries.addLast(entry);
        if (entries.size() > limit) {
            entries.removeFirst();
            return true;
        }
        return false;
    }

    /** @return the requests kept, oldest first */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** @return the callback attempts kept, oldest first */
    public synchronized List<CallbackDelivery> callbacks() {
        return List.copyOf(callbacks);
    }

    /** @return how many submits were received in all, dropped from the journal or not */
    public synchronized long submitCount() {
        return submits;
    }

    /** @return how many requests were received in all */
    public synchronized long requestCount() {
        return sequence;
    }

    /** @return how many requests were dropped from the journal to keep it within its limit */
    public synchronized long droppedRequests() {
        return droppedRequests;
    }

    /** @return how many callback attempts were dropped from the journal to keep it within its limit */
    public synchronized long droppedCallbacks() {
        return droppedCallbacks;
    }

    /**
     * @param timeout how long to wait
     * @return the oldest request kept and not yet taken, or null after the timeout
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized RecordedRequest take(Duration timeout) throws InterruptedException {
        awaitAny(untaken, timeout);
        return untaken.pollFirst();
    }

    /**
     * @param timeout how long to wait
     * @return the oldest callback attempt kept and not yet taken, or null after the timeout
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized CallbackDelivery takeCallback(Duration timeout) throws InterruptedException {
        awaitAny(untakenCallbacks, timeout);
        return untakenCallbacks.pollFirst();
    }

    /**
     * Waits for a callback attempt that matches, among those kept, taken or not.
     *
     * @param test which attempt
     * @param timeout how long to wait
     * @return the oldest kept attempt that matches, or null after the timeout
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized CallbackDelivery awaitCallback(Predicate<CallbackDelivery> test, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (CallbackDelivery delivery : callbacks) {
                if (test.test(delivery)) {
                    return delivery;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private void awaitAny(Deque<?> entries, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (entries.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Forgets everything, the counts included. */
    public synchronized void clear() {
        requests.clear();
        untaken.clear();
        callbacks.clear();
        untakenCallbacks.clear();
        sequence = 0;
        submits = 0;
        droppedRequests = 0;
        droppedCallbacks = 0;
    }

    /**
     * @param test which requests to keep
     * @return the requests kept that match, as a new list
     */
    public synchronized List<RecordedRequest> requestsMatching(Predicate<RecordedRequest> test) {
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (test.test(request)) {
                matching.add(request);
            }
        }
        return matching;
    }
}
