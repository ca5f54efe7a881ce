package dev.gempix2.repository.jdbc;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.testkit.ForwardingTaskRepository;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store that notes, per task, when the save of its finished record began ({@link System#nanoTime()}), and
 * otherwise is the store it wraps: the start of the push latency that {@link PushLatencyTest} measures.
 */
final class SaveTimingRepository extends ForwardingTaskRepository {
    private final Map<TaskId, Long> finishedSavedAt = new ConcurrentHashMap<>();

    SaveTimingRepository(TaskRepository store) {
        super(store);
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
        super.save(record);
    }
}
