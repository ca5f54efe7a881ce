package dev.gempix2.repository.jdbc;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.port.ImageGenerator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One instance's view of the provider: every task runs forever; it remembers which tasks this instance polled,
 * and completes a future once the polled tasks satisfy a condition.
 */
final class CountingGenerator implements ImageGenerator {
    private final Set<TaskId> polled = ConcurrentHashMap.newKeySet();
    private final Map<Predicate<Set<TaskId>>, CompletableFuture<Void>> conditions = new ConcurrentHashMap<>();

    Set<TaskId> polled() {
        return Set.copyOf(polled);
    }

    /** Forgets what was polled so far. */
    void clear() {
        polled.clear();
    }

    CompletableFuture<Void> once(Predicate<Set<TaskId>> condition) {
        CompletableFuture<Void> met = new CompletableFuture<>();
        conditions.put(condition, met);
        check();
        return met;
    }

    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this test submits nothing"));
    }

    @Override
    public CompletableFuture<Task> query(TaskId id) {
        polled.add(id);
        check();
        return CompletableFuture.completedFuture(Task.of(id, TaskStatus.IN_PROGRESS));
    }

    private void check() {
        Set<TaskId> now = polled();
        conditions.forEach((condition, met) -> {
            if (condition.test(now)) {
                met.complete(null);
            }
        });
    }
}
