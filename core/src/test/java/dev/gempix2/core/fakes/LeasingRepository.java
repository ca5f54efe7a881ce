package dev.gempix2.core.fakes;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.TaskRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-memory store that says it has leases and a push: it records what the client asks of it, claims only
 * the tasks a test allows, can fail its saves on demand, and pushes a record when a test says so.
 */
public final class LeasingRepository implements TaskRepository {
    private final InMemoryTaskRepository records = new InMemoryTaskRepository();
    private final Duration lease;
    private final List<Set<TaskId>> renewed = new CopyOnWriteArrayList<>();
    private final List<TaskId> released = new CopyOnWriteArrayList<>();
    private final List<Consumer<TaskRecord>> listeners = new CopyOnWriteArrayList<>();
    private volatile Set<TaskId> claimable = Set.of();
    private volatile int claims;
    private int succeedingSaves;
    private int failingSaves;

    /** @param lease the lease duration the store announces */
    public LeasingRepository(Duration lease) {
        this.lease = lease;
    }

    /** @param ids the tasks the next claims take (others are "held by another instance") */
    public void claimable(TaskId... ids) {
        claimable = Set.of(ids);
    }

    /**
     * @param succeeding how many of the next saves still succeed
     * @param failing how many saves after those fail as if the database were down
     */
    public synchronized void failSavesAfter(int succeeding, int failing) {
        succeedingSaves = succeeding;
        failingSaves = failing;
    }

    /** @param record delivered to the subscribers as if another instance had saved it */
    public void push(TaskRecord record) {
        records.save(record);
        listeners.forEach(listener -> listener.accept(record));
    }

    public List<Set<TaskId>> renewed() {
        return renewed;
    }

    public List<TaskId> released() {
        return released;
    }

    public int claims() {
        return claims;
    }

    public int subscribers() {
        return listeners.size();
    }

    @Override
    public void save(TaskRecord record) {
        synchronized (this) {
            if (succeedingSaves > 0) {
                succeedingSaves--;
            } else if (failingSaves > 0) {
                failingSaves--;
                throw new IllegalStateException("database unreachable (test)");
            }
        }
        records.save(record);
    }

    @Override
    public Optional<TaskRecord> findByTaskId(TaskId id) {
        return records.findByTaskId(id);
    }

    @Override
    public Optional<TaskRecord> findByCallbackToken(String callbackToken) {
        return records.findByCallbackToken(callbackToken);
    }

    @Override
    public List<TaskRecord> findUnfinished() {
        return records.findUnfinished();
    }

    @Override
    public Optional<Duration> leaseDuration() {
        return Optional.of(lease);
    }

    @Override
    public List<TaskRecord> claimUnfinished() {
        claims++;
        List<TaskRecord> taken = new ArrayList<>();
        for (TaskRecord record : records.findUnfinished()) {
            if (record.taskId().filter(claimable::contains).isPresent()) {
                taken.add(record);
            }
        }
        return taken;
    }

    @Override
    public void renewLeases(Collection<TaskId> taskIds) {
        renewed.add(Set.copyOf(taskIds));
    }

    @Override
    public void releaseLeases(Collection<TaskId> taskIds) {
        released.addAll(taskIds);
    }

    @Override
    public Subscription subscribe(Consumer<TaskRecord> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
