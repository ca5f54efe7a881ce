package dev.gempix2.testkit;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.TaskRepository;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link TaskRepository} that hands every call, the lease and push methods included, to another store: the base
 * of a test's decorator that watches or disturbs one call (override it, and call {@code super}) while the store
 * underneath keeps its whole behaviour.
 *
 * <pre>{@code
 * TaskRepository counting = new ForwardingTaskRepository(store) {
 *     @Override
 *     public void save(TaskRecord record) {
 *         saves.incrementAndGet();
 *         super.save(record);
 *     }
 * };
 * }</pre>
 */
public class ForwardingTaskRepository implements TaskRepository {
    private final TaskRepository store;

    /** @param store the store every call goes to */
    public ForwardingTaskRepository(TaskRepository store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** @return the store every call goes to */
    protected TaskRepository store() {
        return store;
    }

    @Override
    public void save(TaskRecord record) {
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
