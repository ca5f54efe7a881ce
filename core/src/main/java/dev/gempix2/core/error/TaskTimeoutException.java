package dev.gempix2.core.error;

import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import java.time.Duration;
import java.util.Optional;

/**
 * A wait passed its deadline before the task reached a final state. The task goes on at the provider:
 * {@code client.await(taskId())} later picks it up again.
 */
public class TaskTimeoutException extends GemPix2Exception {
    private static final long serialVersionUID = 1L;

    private final transient TaskId taskId;
    private final transient Task lastSnapshot;

    /**
     * @param taskId the task waited for
     * @param waited how long the wait lasted
     * @param lastSnapshot the last state seen, may be null
     */
    public TaskTimeoutException(TaskId taskId, Duration waited, Task lastSnapshot) {
        super("GemPix2 task " + taskId.value() + " did not finish within " + readable(waited)
                + (lastSnapshot == null ? "" : " (last status: " + lastSnapshot.status().wireValue() + ")"));
        this.taskId = taskId;
        this.lastSnapshot = lastSnapshot;
    }

    /** Prints {@code 5m}, {@code 1m30s} or {@code 1.5s} rather than ISO-8601's {@code PT1M30S}. */
    static String readable(Duration waited) {
        if (waited.getSeconds() < 60) {
            return java.math.BigDecimal.valueOf(waited.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
        }
        long minutes = waited.toMinutes();
        int seconds = waited.toSecondsPart();
        return minutes + "m" + (seconds == 0 ? "" : seconds + "s");
    }

    /** @return the task waited for */
    public TaskId taskId() {
        return taskId;
    }

    /** @return the last snapshot seen before the deadline, when any poll or callback answered */
    public Optional<Task> lastSnapshot() {
        return Optional.ofNullable(lastSnapshot);
    }
}
