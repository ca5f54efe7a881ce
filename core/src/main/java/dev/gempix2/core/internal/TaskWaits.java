package dev.gempix2.core.internal;

import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.Clock;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Every wait of one client, one {@link TaskWait} per task id, and the single door through which snapshots
 * (from polls and from confirmed callbacks) enter: {@link #offer(Task)} records them, tells the listeners
 * and completes the waits.
 */
public final class TaskWaits {
    private static final Logger LOG = System.getLogger("dev.gempix2");

    private final Map<TaskId, TaskWait> waits = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Executor executor;
    private final PollingPolicy polling;
    private final RetryPolicy retryPolicy;
    private final boolean callbacksOn;
    private final Function<TaskId, CompletableFuture<Task>> query;
    private final TaskRecords records;
    private final StatusListeners listeners;
    private volatile GemPix2Exception closedBecause;

    /**
     * @param clock schedules the polls and deadlines
     * @param executor where every continuation runs (never a transport or clock thread)
     * @param polling the polling schedule and timeouts
     * @param retryPolicy decides which query failures are transient
     * @param callbacksOn whether tasks with a callback token get callbacks (polling then slows down)
     * @param query one query of a task, with retries
     * @param records the records
     * @param listeners the user's listeners
     */
    public TaskWaits(Clock clock, Executor executor, PollingPolicy polling, RetryPolicy retryPolicy,
                     boolean callbacksOn, Function<TaskId, CompletableFuture<Task>> query, TaskRecords records,
                     StatusListeners listeners) {
        this.clock = clock;
        this.executor = executor;
        this.polling = polling;
        this.retryPolicy = retryPolicy;
        this.callbacksOn = callbacksOn;
        this.query = query;
        this.records = records;
        this.listeners = listeners;
    }

    /**
     * Joins the task's wait, starting its poll loop when nobody waits for it yet.
     *
     * @param id the task
     * @param timeout how long this caller waits
     * @return completed with the successful task, or failed
     */
    public CompletableFuture<Task> await(TaskId id, Duration timeout) {
        return awaitUntil(id, deadline(clock.now(), timeout), timeout);
    }

    /**
     * Like {@link #await(TaskId, Duration)} with a deadline fixed earlier (a generate's submit took some of it).
     *
     * @param id the task
     * @param deadline when this caller stops waiting
     * @param timeout the whole timeout, for the message
     * @return completed with the successful task, or failed
     */
    public CompletableFuture<Task> awaitUntil(TaskId id, Instant deadline, Duration timeout) {
        GemPix2Exception closed = closedBecause;
        if (closed != null) {
            return CompletableFuture.failedFuture(closed);
        }
        Instant now = clock.now();
        Waiter waiter = new Waiter(new CompletableFuture<>(), deadline, timeout);
        Optional<TaskRecord> record = recordOf(id);
        Optional<Task> known = record.flatMap(TaskRecord::lastSnapshot).filter(Task::isFinal);
        if (known.isPresent()) {
            // Already over: nothing to poll or schedule; the answer still comes on the callback executor.
            settleOnExecutor(waiter, known.get());
            return waiter.future();
        }
        TaskWait joined;
        while (true) {
            TaskWait wait = waits.get(id);
            boolean fresh = false;
            if (wait == null) {
                TaskWait created = new TaskWait(id, this, record, now);
                wait = waits.putIfAbsent(id, created);
                if (wait == null) {
                    wait = created;
                    fresh = true;
                }
            }
            if (wait.add(waiter)) {
                if (fresh) {
                    // Read again once registered: a final state recorded meanwhile would otherwise be missed.
                    TaskWait registered = wait;
                    recordOf(id).flatMap(TaskRecord::lastSnapshot).filter(Task::isFinal)
                            .ifPresent(snapshot -> dispatch(() -> registered.observe(snapshot)));
                }
                joined = wait;
                break;
            }
            waits.remove(id, wait);
        }
        waiter.future().whenComplete((task, error) -> {
            if (waiter.future().isCancelled()) {
                joined.remove(waiter);
            }
        });
        if (closedBecause != null) {
            joined.fail(closedBecause);
        }
        return waiter.future();
    }

    /**
     * Takes a snapshot from a poll or a confirmed callback: records it, tells the listeners of a status
     * change, and hands it to the task's wait.
     *
     * @param reported the snapshot as reported
     */
    public void offer(Task reported) {
        Task snapshot = Snapshots.normalize(reported);
        TaskWait wait = waits.get(snapshot.id());
        TaskRecords.SnapshotUpdate update;
        try {
            update = records.record(snapshot);
            if (update.record() == null && wait != null) {
                // A task submitted elsewhere that someone awaits: adopted at its first snapshot (an id the
                // provider does not know gets no record), so that its status changes reach the listeners.
                records.adopt(snapshot.id());
                update = records.record(snapshot);
            }
        } catch (RuntimeException broken) {
            LOG.log(Level.WARNING, "The GemPix2 task repository failed to record task " + snapshot.id()
                    + "; the wait goes on", broken);
            update = new TaskRecords.SnapshotUpdate(null, snapshot, false);
        }
        if (update.changed()) {
            LOG.log(Level.DEBUG, "GemPix2 task {0} is now {1}", snapshot.id(), snapshot.status().wireValue());
            listeners.statusChanged(update.record(), snapshot);
        }
        if (wait != null) {
            wait.observe(update.effective());
        }
    }

    /** @return how many tasks have a wait (and so a poll loop) right now */
    public int activeCount() {
        return waits.size();
    }

    /** @return the tasks that have a wait right now (a copy) */
    public java.util.Set<TaskId> activeTaskIds() {
        return java.util.Set.copyOf(waits.keySet());
    }

    /**
     * @param id a task
     * @return how many callers wait for it
     */
    public int waiterCount(TaskId id) {
        TaskWait wait = waits.get(id);
        return wait == null ? 0 : wait.waiterCount();
    }

    /** @param reason what every pending and later wait fails with */
    public void closeAll(GemPix2Exception reason) {
        closedBecause = reason;
        List.copyOf(waits.values()).forEach(wait -> wait.fail(reason));
        waits.clear();
    }

    /** Runs a continuation on the executor; after the client closed, it is dropped (its waits have failed). */
    void dispatch(Runnable action) {
        try {
            executor.execute(action);
        } catch (RejectedExecutionException closing) {
            LOG.log(Level.DEBUG, "GemPix2 client is closed; a continuation was dropped");
        }
    }

    private void settleOnExecutor(Waiter waiter, Task finalSnapshot) {
        try {
            executor.execute(() -> waiter.settle(finalSnapshot));
        } catch (RejectedExecutionException closing) {
            GemPix2Exception closed = closedBecause;
            waiter.future().completeExceptionally(closed != null ? closed
                    : new GemPix2Exception("The GemPix2 client's callback executor refused the task: " + closing));
        }
    }

    void forget(TaskId id, TaskWait wait) {
        waits.remove(id, wait);
    }

    CompletableFuture<Task> query(TaskId id) {
        try {
            return query.apply(id);
        } catch (RuntimeException broken) {
            return CompletableFuture.failedFuture(broken);
        }
    }

    Clock clock() {
        return clock;
    }

    PollingPolicy polling() {
        return polling;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    boolean callbacksOn() {
        return callbacksOn;
    }

    private Optional<TaskRecord> recordOf(TaskId id) {
        try {
            return records.byTaskId(id);
        } catch (RuntimeException broken) {
            LOG.log(Level.WARNING, "The GemPix2 task repository failed to find task " + id, broken);
            return Optional.empty();
        }
    }

    /**
     * @param now the start
     * @param timeout the wait
     * @return the deadline, {@link Instant#MAX} when out of range
     */
    public static Instant deadline(Instant now, Duration timeout) {
        try {
            return now.plus(timeout);
        } catch (ArithmeticException | java.time.DateTimeException farAway) {
            return Instant.MAX;
        }
    }
}
