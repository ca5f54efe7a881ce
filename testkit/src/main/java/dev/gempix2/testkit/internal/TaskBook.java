package dev.gempix2.testkit.internal;

import dev.gempix2.core.model.TaskId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fake's tasks, by id and in submission order. Thread-safe. */
public final class TaskBook {
    private final Map<TaskId, FakeTask> byId = new ConcurrentHashMap<>();
    private final List<TaskId> order = new ArrayList<>();

    /** @param task a task just created */
    public void add(FakeTask task) {
        synchronized (order) {
            byId.put(task.id(), task);
            order.add(task.id());
        }
    }

    /**
     * @param id a task id
     * @return the task
     */
    public Optional<FakeTask> find(TaskId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return every task id, in submission order */
    public List<TaskId> ids() {
        synchronized (order) {
            return List.copyOf(new ArrayList<>(order));
        }
    }

    /** Forgets every task. */
    public void clear() {
        synchronized (order) {
            byId.clear();
            order.clear();
        }
    }
}
