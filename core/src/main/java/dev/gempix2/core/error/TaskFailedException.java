package dev.gempix2.core.error;

import dev.gempix2.core.model.Task;

/**
 * The task ended in {@code failed}, or succeeded without any image (the model answered with text only).
 * The message names the task and carries the provider's reason.
 */
public class TaskFailedException extends GemPix2Exception {
    private static final long serialVersionUID = 1L;

    private final transient Task task;

    /** @param task the final snapshot; its {@code statusMessage()} is the reason, when given */
    public TaskFailedException(Task task) {
        super("GemPix2 task " + task.id().value() + " failed: "
                + task.statusMessage().orElse("no reason given by the provider"));
        this.task = task;
    }

    /** @return the final snapshot of the task */
    public Task task() {
        return task;
    }

    /** @return the provider's reason, or a placeholder when it gave none */
    public String reason() {
        return task.statusMessage().orElse("no reason given by the provider");
    }
}
