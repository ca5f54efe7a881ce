package dev.gempix2.core.internal;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.Clock;
import dev.gempix2.core.port.TaskRepository;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The client's view of its {@link TaskRepository}: every change of a record is a read-modify-write under a
 * lock for that record, so that a callback, a poll and a submit response racing for one task do not lose
 * each other's updates. The repository stays the single source of truth (it may outlive this client).
 */
public final class TaskRecords {
    private static final Logger LOG = System.getLogger("dev.gempix2");
    private static final int STRIPES = 64;

    private final TaskRepository repository;
    private final Clock clock;
    private final Object[] locks = new Object[STRIPES];
    // Adopting is rare (an await of an unknown id); one lock keeps two such awaits from making two records.
    private final Object adoptLock = new Object();

    /**
     * @param repository where records live
     * @param clock for the records' timestamps
     */
    public TaskRecords(TaskRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Saves the record of a request about to be sent.
     *
     * @param request the request, with its callback URL when callbacks are on
     * @param callbackToken the token, or null
     * @return the saved record
     */
    public TaskRecord create(ImageRequest request, String callbackToken) {
        TaskRecord record = TaskRecord.submitting(UUID.randomUUID().toString(), request, callbackToken, clock.now());
        repository.save(record);
        return record;
    }

    /**
     * Gives a record the task id the provider assigned (from the submit response or an early callback).
     *
     * @param submitted the record as created
     * @param id the provider's id
     * @return the record as saved
     */
    public TaskRecord learnTaskId(TaskRecord submitted, TaskId id) {
        synchronized (lockFor(submitted)) {
            TaskRecord fresh = submitted.callbackToken().flatMap(repository::findByCallbackToken).orElse(submitted);
            if (fresh.taskId().equals(Optional.of(id))) {
                return fresh;
            }
            fresh.taskId().ifPresent(other -> LOG.log(Level.WARNING,
                    "GemPix2 record {0} had task id {1}, the provider now says {2}; keeping {2}",
                    fresh.recordId(), other, id));
            TaskRecord updated = fresh.withTaskId(id, clock.now());
            repository.save(updated);
            return updated;
        }
    }

    /**
     * Marks the record of a submit that certainly created no task as finished, so that it is not "unfinished"
     * forever. A record that has meanwhile learnt a task id (from a callback) is left alone.
     *
     * @param submitted the record as created
     * @param reason the failure's message
     */
    public void abandon(TaskRecord submitted, String reason) {
        synchronized (lockFor(submitted)) {
            TaskRecord fresh = submitted.callbackToken().flatMap(repository::findByCallbackToken).orElse(submitted);
            if (fresh.taskId().isPresent() || fresh.isFinished()) {
                return;
            }
            repository.save(fresh.abandoned(reason, clock.now()));
        }
    }

    /**
     * Gives a task this client did not submit a record, so that its status changes reach the listeners.
     *
     * @param id the provider's task id
     * @return the task's record: the one already there, or a new adopted one
     */
    public TaskRecord adopt(TaskId id) {
        synchronized (adoptLock) {
            Optional<TaskRecord> existing = repository.findByTaskId(id);
            if (existing.isPresent()) {
                return existing.get();
            }
            TaskRecord adopted = TaskRecord.adopted(UUID.randomUUID().toString(), id, clock.now());
            repository.save(adopted);
            return adopted;
        }
    }

    /**
     * Stores a new snapshot unless the record already has a final one or the same status.
     *
     * @param snapshot the new state (already normalized)
     * @return what became of it
     */
    public SnapshotUpdate record(Task snapshot) {
        Optional<TaskRecord> found = repository.findByTaskId(snapshot.id());
        if (found.isEmpty()) {
            return new SnapshotUpdate(null, snapshot, false);
        }
        synchronized (lockFor(found.get())) {
            TaskRecord fresh = repository.findByTaskId(snapshot.id()).orElse(found.get());
            if (fresh.isFinished()) {
                return new SnapshotUpdate(fresh, fresh.lastSnapshot().orElseThrow(), false);
            }
            if (fresh.lastSnapshot().map(Task::status).orElse(null) == snapshot.status()) {
                return new SnapshotUpdate(fresh, snapshot, false);
            }
            TaskRecord updated = fresh.withSnapshot(snapshot, clock.now());
            repository.save(updated);
            return new SnapshotUpdate(updated, snapshot, true);
        }
    }

    /**
     * @param id a task id
     * @return its record
     */
    public Optional<TaskRecord> byTaskId(TaskId id) {
        return repository.findByTaskId(id);
    }

    /**
     * @param token a callback token
     * @return its record
     */
    public Optional<TaskRecord> byToken(String token) {
        return repository.findByCallbackToken(token);
    }

    /** @return the unfinished records that know their task id */
    public List<TaskRecord> unfinishedWithTaskId() {
        return repository.findUnfinished().stream().filter(record -> record.taskId().isPresent()).toList();
    }

    private Object lockFor(TaskRecord record) {
        return locks[Math.floorMod(record.recordId().hashCode(), STRIPES)];
    }

    /**
     * @param record the record after the update, or null when the task has none
     * @param effective the snapshot that counts: the record's final one when it already had one
     * @param changed true when the status changed (and listeners should hear of it)
     */
    public record SnapshotUpdate(TaskRecord record, Task effective, boolean changed) {
    }
}
