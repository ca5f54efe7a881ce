package dev.gempix2.testkit.internal;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.FakeResponse;
import dev.gempix2.testkit.RecordedRequest;
import java.time.Instant;
import java.util.Optional;

/** {@code GET /api/task/query?task_id=...}: checks the key, meets the task's faults, reports the task. */
final class QueryEndpoint {
    private final BackendContext context;

    QueryEndpoint(BackendContext context) {
        this.context = context;
    }

    Answer answer(RecordedRequest request, String authorization) {
        Optional<String> key = context.keys().authenticate(authorization);
        if (key.isEmpty()) {
            return Answer.of(ProviderAnswers.unauthorizedOnQuery());
        }
        Optional<String> id = request.queryParameter("task_id").filter(text -> !text.isBlank());
        if (id.isEmpty()) {
            return Answer.of(ProviderAnswers.invalid("task_id is required"));
        }
        Optional<FakeTask> found = parse(id.get()).flatMap(context.tasks()::find)
                .filter(task -> task.ownerKey().equals(key.get()));
        if (found.isEmpty()) {
            return Answer.of(ProviderAnswers.taskNotFound());
        }
        FakeTask task = found.get();
        return new Answer(task.script().takeQueryFault(), () -> report(task));
    }

    private FakeResponse report(FakeTask task) {
        Instant now = context.clock().now();
        if (task.hiddenAt(now)) {
            return ProviderAnswers.taskNotFound();
        }
        return ProviderAnswers.ok(task.queryData(now, context.baseUrl()));
    }

    private static Optional<TaskId> parse(String id) {
        try {
            return Optional.of(TaskId.of(id));
        } catch (RuntimeException notAnId) {
            return Optional.empty();
        }
    }
}
