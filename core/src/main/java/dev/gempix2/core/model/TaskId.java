package dev.gempix2.core.model;

import dev.gempix2.core.error.InvalidRequestException;

/**
 * The provider's id of a task, e.g. {@code ta12345678-1234-1234-1234-123456789abc}.
 *
 * @param value the id as the provider sent it
 */
public record TaskId(String value) {
    private static final int MAX_LENGTH = 200;

    /**
     * @param value the id as the provider sent it
     * @throws InvalidRequestException naming {@code task_id} when blank, too long or holding spaces or control characters
     */
    public TaskId {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.ofField("task_id", "must not be blank");
        }
        if (value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw InvalidRequestException.ofField("task_id",
                    "'" + Printable.truncate(value) + "' is not a task id (printable ASCII without spaces expected)");
        }
    }

    /**
     * @param value the id
     * @return the task id
     */
    public static TaskId of(String value) {
        return new TaskId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
