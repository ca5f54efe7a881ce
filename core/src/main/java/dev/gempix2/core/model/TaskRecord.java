package dev.gempix2.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client remembers of a task it submitted, kept in a {@code TaskRepository} so that a restarted
 * application can go on waiting ({@code client.resumeUnfinished()}).
 *
 * <p>A record is saved <em>before</em> the request is sent: until the provider answers, {@link #taskId()} is
 * empty, and a callback that beats the submit response still finds the record by its token.
 *
 * @param recordId the client's own id of the record, unique, stable across restarts
 * @param request what was asked
 * @param callbackToken the secret part of the callback URL, when callbacks are on
 * @param taskId the provider's id, once it answered
 * @param lastSnapshot the last state seen
 * @param createdAt when the record was made
 * @param updatedAt when it last changed
 */
public record TaskRecord(String recordId, ImageRequest request, Optional<String> callbackToken,
                         Optional<TaskId> taskId, Optional<Task> lastSnapshot, Instant createdAt,
                         Instant updatedAt) {

    /** Requires the id, request and times; normalizes null optionals to empty. */
    public TaskRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        callbackToken = callbackToken == null ? Optional.empty() : callbackToken;
        taskId = taskId == null ? Optional.empty() : taskId;
        lastSnapshot = lastSnapshot == null ? Optional.empty() : lastSnapshot;
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
        return new TaskRecord(recordId, request, Optional.ofNullable(callbackToken), Optional.empty(),
                Optional.empty(), now, now);
    }

    /**
     * @param id the provider's task id
     * @param now the current time
     * @return a copy that knows its task id
     */
    public TaskRecord withTaskId(TaskId id, Instant now) {
        return new TaskRecord(recordId, request, callbackToken, Optional.of(id), lastSnapshot, createdAt, now);
    }

    /**
     * @param snapshot the latest state
     * @param now the current time
     * @return a copy holding that snapshot (and its task id)
     */
    public TaskRecord withSnapshot(Task snapshot, Instant now) {
        return new TaskRecord(recordId, request, callbackToken, Optional.of(snapshot.id()), Optional.of(snapshot),
                createdAt, now);
    }

    /** @return true once the last snapshot is final */
    public boolean isFinished() {
        return lastSnapshot.map(Task::isFinal).orElse(false);
    }

    /** The token is a secret: it is not printed. */
    @Override
    public String toString() {
        return "TaskRecord[recordId=" + recordId + ", taskId=" + taskId.map(TaskId::value).orElse("(not yet)")
                + ", status=" + lastSnapshot.map(task -> task.status().wireValue()).orElse("(none)")
                + ", callbackToken=" + (callbackToken.isPresent() ? "(set)" : "(none)")
                + ", model=" + request.model() + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }
}
