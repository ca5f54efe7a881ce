package dev.gempix2.core.internal;

import dev.gempix2.core.GemPix2Observer.TaskObservation;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One followed task as the observers see it: what each observer returned at its start (in the observers'
 * order), when it started, and what it cost so far. Ends once.
 */
final class ObservedTask {
    final TaskObservation[] observations;
    final Optional<Model> model;
    final Instant startedAt;
    final AtomicInteger polls = new AtomicInteger();
    final AtomicInteger callbacks = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    volatile TaskId taskId;
    volatile Task lastSnapshot;

    ObservedTask(TaskObservation[] observations, Optional<Model> model, Optional<TaskId> taskId, Instant startedAt) {
        this.observations = observations;
        this.model = model;
        this.taskId = taskId.orElse(null);
        this.startedAt = startedAt;
    }

    /** @return true the first time only */
    boolean end() {
        return ended.compareAndSet(false, true);
    }
}
