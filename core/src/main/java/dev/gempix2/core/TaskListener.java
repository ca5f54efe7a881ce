package dev.gempix2.core;

import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskRecord;

/**
 * Sees every status change of every task a client follows: those it submitted, and those it was asked to
 * {@code await} by id (a task submitted elsewhere gets an adopted record, with an empty
 * {@link TaskRecord#request()}, at its first snapshot; an id the provider does not know gets none). A single
 * {@code task(id)} query of a task the client does not follow reaches no listener. Called on the client's
 * callback executor, never on a transport's I/O thread; an exception it throws is logged and does not disturb
 * the wait.
 *
 * <pre>{@code
 * GemPix2Client client = GemPix2Client.builder()
 *         .generator(transport)
 *         .listener((record, task) -> log.info("{} is {}", task.id(), task.status()))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface TaskListener {

    /**
     * @param record what the client remembers of the task, already holding {@code snapshot}
     * @param snapshot the new state
     */
    void onStatus(TaskRecord record, Task snapshot);
}
