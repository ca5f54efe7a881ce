package dev.gempix2.repository.jdbc;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.TaskRepository;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A store that notes, per task, when the save of its finished record began ({@link System#nanoTime()}), and
 * otherwise is the store it wraps: the start of the push latency that {@link PushLatencyTest} measures.
 */
final class SaveTimingRepository implements TaskRepository {
    private final TaskRepository store;
    private final Map<TaskId, Long> finishedSavedAt = new ConcurrentHashMap<>();

    SaveTimingRepository(TaskRepository store) {
        this.store = store;
    }

    /** @return for each task whose finished record was saved here, when that save began */
    Map<TaskId, Long> finishedSavedAt() {
        return finishedSavedAt;
    }

    @Override
    public void save(TaskRecord record) {
        if (record.isFinished() && record.taskId().isPresent()) {
            finishedSavedAt.putIfAbsent(record.taskId().get(), System.nanoTime());
        }
        store.save(record);
    }

    @Override
    public Optional<TaskRecord> findByTaskId(TaskId id) {
        return store.findByTaskId(id);
    }

    @Override
    public Optional<TaskRecord> findByCallbackToken(String callbackToken) {
        return store.findByCallbackToken(callbackToken);
    }

    @Override
    public List<TaskRecord> findUnfinished() {
        return store.findUnfinished();
    }

    @Override
    public Optional<Duration> leaseDuration() {
        return store.leaseDuration();
    }

    @Override
    public List<TaskRecord> claimUnfinished() {
        return store.claimUnfinished();
    }

    @Override
    public void renewLeases(Collection<TaskId> taskIds) {
        store.renewLeases(taskIds);
    }

    @Override
    public void releaseLeases(Collection<TaskId> taskIds) {
        store.releaseLeases(taskIds);
    }

    @Override
    public Subscription subscribe(Consumer<TaskRecord> listener) {
        return store.subscribe(listener);
    }
}
