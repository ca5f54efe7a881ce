package dev.gempix2.core.internal;

import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.Clock;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one poll loop of one task, shared by every caller waiting for it. It holds no thread: a single action
 * on the clock (the next poll or the earliest caller's deadline, whichever comes first) and at most one
 * query in flight. Snapshots from polls and from callbacks both end in {@link #observe(Task)}.
 */
final class TaskWait {
    private static final Logger LOG = System.getLogger("dev.gempix2");
    private static final Duration LONGEST_TICK = Duration.ofDays(1);

    private final TaskId id;
    private final TaskWaits owner;
    private final Instant notFoundUntil;
    private final boolean callbacksExpected;
    private final List<Waiter> waiters = new ArrayList<>(1);

    private Clock.Scheduled tick;
    private Instant tickAt;
    private long tickGeneration;
    private Duration interval;
    private Instant nextPollAt;
    private boolean polling;
    private CompletableFuture<Task> inFlight;
    private boolean done;
    private Task lastSnapshot;
    private GemPix2Exception lastPollFailure;

    TaskWait(TaskId id, TaskWaits owner, Optional<TaskRecord> record, Instant now) {
        this.id = id;
        this.owner = owner;
        // Without a record of our own submit (a task submitted elsewhere, maybe adopted) nothing says the task is new: a 404 is final at once.
        this.notFoundUntil = record.filter(r -> r.request().isPresent())
                .map(r -> r.createdAt().plus(owner.polling().notFoundGrace())).orElse(null);
        this.callbacksExpected = owner.callbacksOn() && record.flatMap(TaskRecord::callbackToken).isPresent();
        this.lastSnapshot = record.flatMap(TaskRecord::lastSnapshot).orElse(null);
        this.interval = nextInterval(null);
        this.nextPollAt = now.plus(interval);
    }

    /** @return false when this wait has already ended; the caller then starts a new one */
    synchronized boolean add(Waiter waiter) {
        if (done) {
            return false;
        }
        waiters.add(waiter);
        rescheduleLocked();
        return true;
    }

    /** A caller gave up (cancelled its future); the last one to leave stops the polling. */
    synchronized void remove(Waiter waiter) {
        if (!done && waiters.remove(waiter) && waiters.isEmpty()) {
            LOG.log(Level.DEBUG, "Nobody waits for GemPix2 task {0} any more; polling stops", id);
            stopLocked();
        } else if (!done) {
            rescheduleLocked();
        }
    }

    /** Takes a snapshot from a poll or a callback; a final one completes every caller. */
    void observe(Task snapshot) {
        List<Waiter> finished;
        synchronized (this) {
            if (done || !snapshot.id().equals(id)) {
                return;
            }
            lastSnapshot = snapshot;
            if (!snapshot.isFinal()) {
                return;
            }
            finished = takeWaitersAndStopLocked();
        }
        finished.forEach(waiter -> waiter.settle(snapshot));
    }

    /** Fails every caller: an error that polling cannot get past, or the client closing. */
    void fail(GemPix2Exception failure) {
        List<Waiter> failed;
        synchronized (this) {
            if (done) {
                return;
            }
            failed = takeWaitersAndStopLocked();
        }
        failed.forEach(waiter -> waiter.future().completeExceptionally(failure));
    }

    synchronized int waiterCount() {
        return waiters.size();
    }

    private void onTick(long generation) {
        List<Waiter> expired = new ArrayList<>();
        Task snapshot;
        GemPix2Exception pollFailure;
        boolean pollNow = false;
        synchronized (this) {
            if (done || generation != tickGeneration) {
                return;
            }
            tick = null;
            Instant now = owner.clock().now();
            waiters.removeIf(waiter -> !waiter.deadline().isAfter(now) && expired.add(waiter));
            snapshot = lastSnapshot;
            pollFailure = lastPollFailure;
            if (waiters.isEmpty()) {
                stopLocked();
            } else {
                if (!polling && !nextPollAt.isAfter(now)) {
                    polling = true;
                    pollNow = true;
                }
                rescheduleLocked();
            }
        }
        expired.forEach(waiter -> waiter.future().completeExceptionally(
                new TaskTimeoutException(id, waiter.timeout(), snapshot, pollFailure)));
        if (pollNow) {
            poll();
        }
    }

    private void poll() {
        LOG.log(Level.TRACE, "Polling GemPix2 task {0}", id);
        CompletableFuture<Task> query = owner.query(id);
        synchronized (this) {
            if (done) {
                query.cancel(false);
                return;
            }
            inFlight = query;
        }
        query.whenComplete((task, error) -> owner.dispatch(() -> onPolled(task, error)));
    }

    private void onPolled(Task task, Throwable error) {
        synchronized (this) {
            if (done) {
                return;
            }
            polling = false;
            inFlight = null;
            lastPollFailure = error == null ? null : Failures.unwrap(error);
        }
        if (error == null) {
            owner.offer(task);
        } else {
            GemPix2Exception failure = Failures.unwrap(error);
            boolean notVisibleYet = failure instanceof TaskNotFoundException && notFoundUntil != null
                    && owner.clock().now().isBefore(notFoundUntil);
            if (notVisibleYet) {
                LOG.log(Level.DEBUG, "GemPix2 does not show task {0} yet (404 within the grace after submitting)", id);
            } else if (failure instanceof TaskNotFoundException
                    || !CallKind.QUERY.isRetryable(failure, owner.retryPolicy())) {
                LOG.log(failure instanceof TaskNotFoundException ? Level.WARNING : Level.DEBUG,
                        "Waiting for GemPix2 task {0} failed: {1}", id, Failures.describe(failure));
                fail(failure);
                return;
            } else {
                LOG.log(Level.INFO, "Polling GemPix2 task {0} keeps failing ({1}); polling goes on until the "
                        + "wait times out", id, Failures.describe(failure));
            }
        }
        synchronized (this) {
            if (done) {
                return;
            }
            interval = nextInterval(interval);
            nextPollAt = owner.clock().now().plus(interval);
            rescheduleLocked();
        }
    }

    private Duration nextInterval(Duration previous) {
        // With callbacks on, the callback completes the wait; polls are only a slow safety net.
        return callbacksExpected ? owner.polling().callbackSafetyInterval() : owner.polling().nextInterval(previous);
    }

    private void rescheduleLocked() {
        Instant at = null;
        for (Waiter waiter : waiters) {
            if (at == null || waiter.deadline().isBefore(at)) {
                at = waiter.deadline();
            }
        }
        if (!polling && (at == null || nextPollAt.isBefore(at))) {
            at = nextPollAt;
        }
        if (at == null || (tick != null && at.equals(tickAt))) {
            return;
        }
        if (tick != null) {
            tick.cancel();
        }
        long generation = ++tickGeneration;
        tickAt = at;
        Clock clock = owner.clock();
        Duration delay = Duration.between(clock.now(), at);
        // A tick far away (a huge timeout) just comes early and reschedules itself.
        tick = clock.schedule(delay.compareTo(LONGEST_TICK) > 0 ? LONGEST_TICK : delay,
                () -> owner.dispatch(() -> onTick(generation)));
    }

    private List<Waiter> takeWaitersAndStopLocked() {
        List<Waiter> taken = new ArrayList<>(waiters);
        waiters.clear();
        stopLocked();
        return taken;
    }

    private void stopLocked() {
        done = true;
        tickGeneration++;
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
        if (inFlight != null) {
            inFlight.cancel(false);
            inFlight = null;
        }
        owner.forget(id, this);
    }
}
