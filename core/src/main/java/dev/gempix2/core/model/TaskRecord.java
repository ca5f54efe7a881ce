package dev.gempix2.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client remembers of a task it follows, kept in a {@code TaskRepository} so that a restarted
 * application can go on waiting ({@code client.resumeUnfinished()}).
 *
 * <p>A record is saved <em>before</em> the request is sent: until the provider answers, {@link #taskId()} is
 * empty, and a callback that beats the submit response still finds the record by its token.
 *
 * <p>How a record ends:
 * <ul>
 *   <li>with a final {@link #lastSnapshot()} (success or failure);</li>
 *   <li>{@linkplain #abandonedBecause() abandoned}, when its submit failed in a way that certainly created no
 *       task (a 4xx answer such as 400, 401 or 429, a 502/503 from a gateway, a connection that was never
 *       made), once the retries are spent;</li>
 *   <li>or not at all, while it is <em>in doubt</em>: its submit failed in a way that may have created a task
 *       (a 500, a 504, a read timeout). Such a record stays unfinished with no task id, so that a callback
 *       carrying its token can still adopt the task; {@code resumeUnfinished()} cannot poll it (there is no id
 *       to poll), and a repository may prune it when its callbacks can no longer come.</li>
 * </ul>
 * An unfinished record without a task id is thus either being submitted right now or in doubt.
 *
 * <p>A task this client did not submit but was asked to await (by id, e.g. after a restart without a
 * persistent repository) gets an <em>adopted</em> record: its {@link #request()} is empty, because nobody here
 * knows what was asked.
 *
 * @param recordId the client's own id of the record, unique, stable across restarts
 * @param request what was asked; empty for a task adopted by id
 * @param callbackToken the secret part of the callback URL, when callbacks are on
 * @param taskId the provider's id, once it answered
 * @param lastSnapshot the last state seen
 * @param abandonedBecause why the submit failed, when it certainly created no task (the record is then finished)
 * @param createdAt when the record was made
 * @param updatedAt when it last changed
 */
public record TaskRecord(String recordId, Optional<ImageRequest> request, Optional<String> callbackToken,
                         Optional<TaskId> taskId, Optional<Task> lastSnapshot, Optional<String> abandonedBecause,
                         Instant createdAt, Instant updatedAt) {

    /**
     * Requires the id and times; normalizes null optionals to empty.
     *
     * @param recordId the client's own id of the record
     * @param request what was asked; empty for a task adopted by id
     * @param callbackToken the secret part of the callback URL
     * @param taskId the provider's id
     * @param lastSnapshot the last state seen
     * @param abandonedBecause why the submit failed, when it certainly created no task
     * @param createdAt when the record was made
     * @param updatedAt when it last changed
     */
    public TaskRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        request = request == null ? Optional.empty() : request;
        callbackToken = callbackToken == null ? Optional.empty() : callbackToken;
        taskId = taskId == null ? Optional.empty() : taskId;
        lastSnapshot = lastSnapshot == null ? Optional.empty() : lastSnapshot;
        abandonedBecause = abandonedBecause == null ? Optional.empty() : abandonedBecause;
    }

    /**
     * A record for a request about to be sent.
     *
     * @param recordId the client's id for it
     * @param request the request
     * @param callbackToken the callback token, or null when callbacks are off
     * @param now the current time
     * @return the new record, with no task id yet
     */
    public static TaskRecord submitting(String recordId, ImageRequest request, String callbackToken, Instant now) {
        Objects.requireNonNull(request, "request");
        return new TaskRecord(recordId, Optional.of(request), Optional.ofNullable(callbackToken), Optional.empty(),
                Optional.empty(), Optional.empty(), now, now);
    }

    /**
     * A record for a task this client did not submit but follows by its id.
     *
     * @param recordId the client's id for it
     * @param id the provider's task id
     * @param now the current time
     * @return the new record, without a request or callback token
     */
    public static TaskRecord adopted(String recordId, TaskId id, Instant now) {
        Objects.requireNonNull(id, "id");
        return new TaskRecord(recordId, Optional.empty(), Optional.empty(), Optional.of(id), Optional.empty(),
                Optional.empty(), now, now);
    }

    /**
     * @param id the provider's task id
     * @param now the current time
     * @return a copy that knows its task id
     */
    public TaskRecord withTaskId(TaskId id, Instant now) {
        return new TaskRecord(recordId, request, callbackToken, Optional.of(id), lastSnapshot, abandonedBecause,
                createdAt, now);
    }

    /**
     * @param snapshot the latest state
     * @param now the current time
     * @return a copy holding that snapshot (and its task id)
     */
    public TaskRecord withSnapshot(Task snapshot, Instant now) {
        return new TaskRecord(recordId, request, callbackToken, Optional.of(snapshot.id()), Optional.of(snapshot),
                abandonedBecause, createdAt, now);
    }

    /**
     * @param reason why the submit failed (an exception message, never a secret)
     * @param now the current time
     * @return a finished copy: its submit certainly created no task
     */
    public TaskRecord abandoned(String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        return new TaskRecord(recordId, request, callbackToken, taskId, lastSnapshot, Optional.of(reason),
                createdAt, now);
    }

    /** @return true once the last snapshot is final, or the submit certainly created no task */
    public boolean isFinished() {
        return abandonedBecause.isPresent() || lastSnapshot.map(Task::isFinal).orElse(false);
    }

    /** The token is a secret: it is not printed. */
    @Override
    public String toString() {
        return "TaskRecord[recordId=" + recordId + ", taskId=" + taskId.map(TaskId::value).orElse("(not yet)")
                + ", status=" + lastSnapshot.map(task -> task.status().wireValue())
                        .orElse(abandonedBecause.isPresent() ? "(abandoned)" : "(none)")
                + ", callbackToken=" + (callbackToken.isPresent() ? "(set)" : "(none)")
                + ", model=" + request.map(r -> r.model().toString()).orElse("(adopted)")
                + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }
}
