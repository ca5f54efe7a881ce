package dev.gempix2.core.internal;

import dev.gempix2.core.CallbackOutcome;
import dev.gempix2.core.CallbackReceiver;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The client's {@link CallbackReceiver}. It answers at once from the repository alone; the work (learning the
 * task id, the confirming query, completing the wait) runs afterwards on the client's executor. A callback is
 * a hint: with verification on, only the confirming query's answer reaches the wait.
 */
public final class CallbackIntake implements CallbackReceiver {
    private static final Logger LOG = System.getLogger("dev.gempix2");

    private final TaskRecords records;
    private final TaskWaits waits;
    private final Function<TaskId, CompletableFuture<Task>> query;
    private final Executor executor;
    private final boolean verify;
    private final Set<String> beingConfirmed = ConcurrentHashMap.newKeySet();
    private final EarlyCallbacks early;
    private static final int NOT_FOUND_RECONFIRMS = 3;
    private final Map<String, Instant> contradictedUntil = new ConcurrentHashMap<>();

    /**
     * @param records the records, found by token
     * @param waits where confirmed snapshots go
     * @param query one query of a task, with retries
     * @param executor where the work after answering runs
     * @param verify whether a callback is confirmed by a query
     * @param early where a callback that beats its submit's answer waits for it
     */
    public CallbackIntake(TaskRecords records, TaskWaits waits, Function<TaskId, CompletableFuture<Task>> query,
                          Executor executor, boolean verify, EarlyCallbacks early) {
        this.early = early;
        this.records = records;
        this.waits = waits;
        this.query = query;
        this.executor = executor;
        this.verify = verify;
    }

    @Override
    public CallbackOutcome receive(String token, Task reported) {
        if (reported == null) {
            throw InvalidRequestException.ofField("body", "a callback must carry the reported task");
        }
        Optional<TaskRecord> found = token == null || token.isBlank() ? Optional.empty() : records.byToken(token);
        if (found.isEmpty()) {
            // Never log the token: a valid one is a secret, a forged one is noise.
            LOG.log(Level.WARNING, "GemPix2 callback for task {0} with an unknown token: forged or stale, ignored",
                    reported.id());
            return CallbackOutcome.UNKNOWN_TOKEN;
        }
        TaskRecord record = found.get();
        if (record.taskId().isPresent() && !record.taskId().get().equals(reported.id())) {
            LOG.log(Level.WARNING, "GemPix2 callback names task {0} but its token belongs to task {1}: ignored",
                    reported.id(), record.taskId().get());
            return CallbackOutcome.UNKNOWN_TOKEN;
        }
        Task snapshot = Snapshots.normalize(reported);
        boolean known = record.isFinished()
                || record.lastSnapshot().map(Task::status).orElse(null) == snapshot.status();
        String key = record.recordId() + '/' + snapshot.status();
        Instant contradicted = contradictedUntil.get(key);
        if (contradicted != null && waits.clock().now().isBefore(contradicted)) {
            LOG.log(Level.DEBUG, "GemPix2 callback for task {0} repeats a claim a query just contradicted: no-op",
                    reported.id());
            return CallbackOutcome.DUPLICATE;
        }
        if (known || !beingConfirmed.add(key)) {
            LOG.log(Level.DEBUG, "GemPix2 callback for task {0} repeats what is known: no-op", reported.id());
            return CallbackOutcome.DUPLICATE;
        }
        LOG.log(Level.DEBUG, "GemPix2 callback accepted for task {0}: {1}", reported.id(),
                reported.status().wireValue());
        if (record.taskId().isEmpty() && early.hold(record.recordId(), settled -> applyHeld(record, reported, key,
                settled))) {
            return CallbackOutcome.ACCEPTED;
        }
        try {
            executor.execute(() -> handle(record, reported, key));
        } catch (RejectedExecutionException closed) {
            beingConfirmed.remove(key);
            LOG.log(Level.DEBUG, "GemPix2 client is closed; callback for task {0} not processed", reported.id());
        }
        return CallbackOutcome.ACCEPTED;
    }

    /** A callback that beat its submit's answer, now that the submit has settled. */
    private void applyHeld(TaskRecord record, Task reported, String key, EarlyCallbacks.Settlement settled) {
        if (settled.taskId() != null ? settled.taskId().equals(reported.id()) : !settled.certainlyNoTask()) {
            // Same task as the submit's answer; or the submit failed in doubt, and this is all we know of it.
            handle(record, reported, key);
            return;
        }
        beingConfirmed.remove(key);
        LOG.log(Level.WARNING, "GemPix2 callback for task {0} came before its submit''s answer, which {1}: rejected",
                reported.id(), settled.taskId() != null ? "names task " + settled.taskId()
                        : "says no task was created");
    }

    private void handle(TaskRecord record, Task reported, String key) {
        try {
            TaskId id = record.taskId().orElseGet(() -> records.learnTaskId(record, reported.id()).taskId()
                    .orElse(reported.id()));
            if (!verify) {
                beingConfirmed.remove(key);
                waits.offer(reported);
                return;
            }
            confirm(id, reported, key, 0);
        } catch (RuntimeException broken) {
            beingConfirmed.remove(key);
            LOG.log(Level.WARNING, "Processing a GemPix2 callback for task " + reported.id() + " failed", broken);
        }
    }

    private void confirm(TaskId id, Task reported, String key, int notFoundRetries) {
        query.apply(id).whenComplete((confirmed, error) -> waits.dispatch(() -> {
            if (error != null && notFoundRetries < NOT_FOUND_RECONFIRMS
                    && (Failures.unwrap(error) instanceof TaskNotFoundException || waits.waiterCount(id) == 0)) {
                // The provider catching up: confirm again shortly rather than leave it to the safety poll. And a
                // task no wait polls (a record in doubt this callback adopted) has no poll to leave it to.
                waits.clock().schedule(waits.polling().initialDelay(),
                        () -> waits.dispatch(() -> confirm(id, reported, key, notFoundRetries + 1)));
                return;
            }
            beingConfirmed.remove(key);
            if (error != null) {
                LOG.log(Level.WARNING, "Could not confirm the GemPix2 callback for task {0} ({1}); polling goes on",
                        id, Failures.describe(Failures.unwrap(error)));
                return;
            }
            if (confirmed.status() != reported.status()) {
                LOG.log(Level.INFO, "GemPix2 callback said task {0} is {1}, a query says {2}: the query wins",
                        id, reported.status().wireValue(), confirmed.status().wireValue());
                // A replay of the same claim before the safety poll is due costs no query.
                Instant now = waits.clock().now();
                if (contradictedUntil.size() > 1_000) {
                    contradictedUntil.values().removeIf(until -> !now.isBefore(until));
                }
                contradictedUntil.put(key, now.plus(waits.polling().callbackSafetyInterval()));
            }
            waits.offer(confirmed);
        }));
    }
}
