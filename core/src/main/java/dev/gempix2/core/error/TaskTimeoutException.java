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
    private final GemPix2Exception lastPollFailure;

    /**
     * @param taskId the task waited for
     * @param waited how long the wait lasted
     * @param lastSnapshot the last state seen, may be null
     */
    public TaskTimeoutException(TaskId taskId, Duration waited, Task lastSnapshot) {
        this(taskId, waited, lastSnapshot, null);
    }

    /**
     * @param taskId the task waited for
     * @param waited how long the wait lasted
     * @param lastSnapshot the last state seen, may be null
     * @param lastPollFailure why the last poll failed, when it did (a 503, a network error); may be null. It is
     *                        the exception's cause too.
     */
    public TaskTimeoutException(TaskId taskId, Duration waited, Task lastSnapshot, GemPix2Exception lastPollFailure) {
        super("GemPix2 task " + taskId.value() + " did not finish within " + readable(waited)
                + (lastSnapshot == null ? "" : " (last status: " + lastSnapshot.status().wireValue() + ")")
                + (lastPollFailure == null ? "" : "; the last poll failed: " + lastPollFailure.getMessage()),
                lastPollFailure);
        this.taskId = taskId;
        this.lastSnapshot = lastSnapshot;
        this.lastPollFailure = lastPollFailure;
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

    /** @return why the last poll failed, when it failed (polling went on until the deadline) */
    public Optional<GemPix2Exception> lastPollFailure() {
        return Optional.ofNullable(lastPollFailure);
    }

    /** @return the last snapshot seen before the deadline, when any poll or callback answered */
    public Optional<Task> lastSnapshot() {
        return Optional.ofNullable(lastSnapshot);
    }
}
