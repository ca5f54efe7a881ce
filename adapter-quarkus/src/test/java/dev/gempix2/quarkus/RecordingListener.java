package dev.gempix2.quarkus;

import dev.gempix2.core.TaskListener;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.model.TaskStatus;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link TaskListener} bean of the application: the adapter hands it to the client. */
@Singleton
public class RecordingListener implements TaskListener {
    private final List<Task> seen = new CopyOnWriteArrayList<>();

    @Override
    public void onStatus(TaskRecord record, Task snapshot) {
        seen.add(snapshot);
    }

    List<TaskStatus> statusesOf(TaskId id) {
        return seen.stream().filter(task -> task.id().equals(id)).map(Task::status).toList();
    }
}
