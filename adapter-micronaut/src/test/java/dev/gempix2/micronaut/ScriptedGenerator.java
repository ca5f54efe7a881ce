package dev.gempix2.micronaut;

import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.port.ImageGenerator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A hand-written {@link ImageGenerator} for the adapter's bean and controller tests: records what was
 * submitted, numbers the tasks, and answers every query with the status the test set.
 */
final class ScriptedGenerator implements ImageGenerator {
    private final List<ImageRequest> submitted = new CopyOnWriteArrayList<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicReference<TaskStatus> status = new AtomicReference<>(TaskStatus.IN_PROGRESS);

    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request) {
        submitted.add(request);
        return CompletableFuture.completedFuture(TaskId.of("task-" + submitted.size()));
    }

    @Override
    public CompletableFuture<Task> query(TaskId id) {
        queries.incrementAndGet();
        Task.Builder task = Task.builder(id, status.get());
        if (status.get() == TaskStatus.SUCCESS) {
            task.images(List.of(new GeneratedImage("https://img.example/" + id.value() + ".png")));
        }
        return CompletableFuture.completedFuture(task.build());
    }

    void answerQueriesWith(TaskStatus next) {
        status.set(next);
    }

    List<ImageRequest> submitted() {
        return submitted;
    }

    int queries() {
        return queries.get();
    }
}
