package dev.gempix2.quarkus;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.TaskRepository;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An application's own repository, as a user would declare it: a plain bean that replaces the default. */
@Singleton
public class UserTaskRepository implements TaskRepository {
    private final InMemoryTaskRepository records = new InMemoryTaskRepository();
    private final AtomicInteger saves = new AtomicInteger();

    @Override
    public void save(TaskRecord record) {
        saves.incrementAndGet();
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

    int saves() {
        return saves.get();
    }
}
