package dev.gempix2.core.defaults;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.TaskRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link TaskRepository}: records live in this process only, so a restart forgets them. Use a
 * persistent repository for tasks that must survive a restart. Thread-safe; finished records are kept until
 * {@link #removeFinishedBefore(java.time.Instant)} drops them.
 */
public final class InMemoryTaskRepository implements TaskRepository {
    private final Map<String, TaskRecord> byRecordId = new ConcurrentHashMap<>();
    private final Map<TaskId, String> recordIdByTaskId = new ConcurrentHashMap<>();
    private final Map<String, String> recordIdByToken = new ConcurrentHashMap<>();

    /** Creates an empty repository. */
    public InMemoryTaskRepository() {
    }

    @Override
    public synchronized void save(TaskRecord record) {
        TaskRecord previous = byRecordId.put(record.recordId(), record);
        // Readers do not lock: an index entry the new record keeps is never removed, not even for a moment, or a
        // callback (by token) or a snapshot (by task id) arriving meanwhile would find no record.
        record.taskId().ifPresent(id -> recordIdByTaskId.put(id, record.recordId()));
        record.callbackToken().ifPresent(token -> recordIdByToken.put(token, record.recordId()));
        if (previous != null) {
            previous.taskId().filter(id -> !record.taskId().equals(Optional.of(id)))
                    .ifPresent(id -> recordIdByTaskId.remove(id, record.recordId()));
            previous.callbackToken().filter(token -> !record.callbackToken().equals(Optional.of(token)))
                    .ifPresent(token -> recordIdByToken.remove(token, record.recordId()));
        }
    }

    @Override
    public Optional<TaskRecord> findByTaskId(TaskId id) {
        return Optional.ofNullable(recordIdByTaskId.get(id)).map(byRecordId::get);
    }

    @Override
    public Optional<TaskRecord> findByCallbackToken(String callbackToken) {
        if (callbackToken == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(recordIdByToken.get(callbackToken))
                .map(byRecordId::get)
                // The map lookup found a candidate; compare in constant time so timing tells nothing more.
                .filter(record -> MessageDigest.isEqual(
                        record.callbackToken().orElse("").getBytes(StandardCharsets.UTF_8),
                        callbackToken.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public List<TaskRecord> findUnfinished() {
        return byRecordId.values().stream()
                .filter(record -> !record.isFinished())
                .sorted(Comparator.comparing(TaskRecord::createdAt))
                .toList();
    }

    /** @return how many records are held */
    public int size() {
        return byRecordId.size();
    }

    /**
     * Drops "in doubt" records (a submit that may have created a task, unfinished and without a task id) created
     * before a time: once no callback has claimed them for that long, none will, and they would otherwise
     * pile up. Run it with a cutoff well past the provider's callback retries, e.g. a day ago.
     *
     * @param cutoff in-doubt records created before this are removed
     * @return how many were removed
     */
    public synchronized int removeInDoubtBefore(java.time.Instant cutoff) {
        List<TaskRecord> old = byRecordId.values().stream()
                .filter(record -> !record.isFinished() && record.taskId().isEmpty()
                        && record.createdAt().isBefore(cutoff))
                .toList();
        for (TaskRecord record : old) {
            byRecordId.remove(record.recordId());
            record.callbackToken().ifPresent(recordIdByToken::remove);
        }
        return old.size();
    }

    /**
     * Drops finished records last changed before a time, so a long-running app does not grow without bound.
     *
     * @param cutoff records finished and last updated before this are removed
     * @return how many were removed
     */
    public synchronized int removeFinishedBefore(java.time.Instant cutoff) {
        List<TaskRecord> old = byRecordId.values().stream()
                .filter(record -> record.isFinished() && record.updatedAt().isBefore(cutoff))
                .toList();
        for (TaskRecord record : old) {
            byRecordId.remove(record.recordId());
            record.taskId().ifPresent(recordIdByTaskId::remove);
            record.callbackToken().ifPresent(recordIdByToken::remove);
        }
        return old.size();
    }

    @Override
    public String toString() {
        return "InMemoryTaskRepository[" + byRecordId.size() + " records]";
    }
}
