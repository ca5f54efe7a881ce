package dev.gempix2.testkit.internal;

import dev.gempix2.testkit.CallbackDelivery;
import dev.gempix2.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Every request the fake received and every callback it tried, in order. Thread-safe. */
public final class Journal {
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final LinkedBlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();
    private final List<CallbackDelivery> callbacks = new ArrayList<>();
    private final LinkedBlockingQueue<CallbackDelivery> untakenCallbacks = new LinkedBlockingQueue<>();
    private long sequence;

    /** @return the next request's number */
    public synchronized long nextSequence() {
        return ++sequence;
    }

    /** @param request a request just received */
    public void record(RecordedRequest request) {
        synchronized (this) {
            requests.add(request);
        }
        untaken.add(request);
    }

    /** @param delivery a callback attempt just finished */
    public void record(CallbackDelivery delivery) {
        synchronized (this) {
            callbacks.add(delivery);
        }
        untakenCallbacks.add(delivery);
    }

    /** @return every request so far */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** @return every callback attempt so far */
    public synchronized List<CallbackDelivery> callbacks() {
        return List.copyOf(callbacks);
    }

    /**
     * @param timeout how long to wait
     * @return the oldest request not yet taken, or null after the timeout
     * @throws InterruptedException when interrupted while waiting
     */
    public RecordedRequest take(Duration timeout) throws InterruptedException {
        return untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * @param timeout how long to wait
     * @return the oldest callback attempt not yet taken, or null after the timeout
     * @throws InterruptedException when interrupted while waiting
     */
    public CallbackDelivery takeCallback(Duration timeout) throws InterruptedException {
        return untakenCallbacks.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Forgets everything. */
    public synchronized void clear() {
        requests.clear();
        untaken.clear();
        callbacks.clear();
        untakenCallbacks.clear();
        sequence = 0;
    }

    /** @return the requests so far that match, as a new list */
    public synchronized List<RecordedRequest> requestsMatching(java.util.function.Predicate<RecordedRequest> test) {
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (test.test(request)) {
                matching.add(request);
            }
        }
        return matching;
    }
}
