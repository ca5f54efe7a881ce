package dev.gempix2.core.internal;

import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One caller waiting for a task: the future it holds and its own deadline.
 *
 * @param future completed with the successful task, or failed
 * @param deadline when this caller stops waiting
 * @param timeout the timeout it asked for, for the message
 */
record Waiter(CompletableFuture<Task> future, Instant deadline, Duration timeout) {

    /** Completes the future from a final snapshot: the task on success, {@link TaskFailedException} otherwise. */
    void settle(Task finalSnapshot) {
        if (finalSnapshot.status() == TaskStatus.SUCCESS) {
            future.complete(finalSnapshot);
        } else {
            future.completeExceptionally(new TaskFailedException(finalSnapshot));
        }
    }
}
