package dev.gempix2.core.fakes;

import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.math.BigDecimal;
import java.util.List;

/** Snapshots for tests, in the provider's shapes. */
public final class Tasks {
    private Tasks() {
    }

    /** @param id a task id @param status its status @return a bare snapshot */
    public static Task at(String id, TaskStatus status) {
        return Task.of(TaskId.of(id), status);
    }

    /** @param id a task id @return a success with one image URL */
    public static Task success(String id) {
        return Task.builder(TaskId.of(id), TaskStatus.SUCCESS)
                .images(List.of(new GeneratedImage("https://img.example/" + id + ".png")))
                .consumedCredits(new BigDecimal("0.500000"))
                .build();
    }

    /** @param id a task id @param reason the provider's reason @return a failure */
    public static Task failed(String id, String reason) {
        return Task.builder(TaskId.of(id), TaskStatus.FAILED).statusMessage(reason).build();
    }

    /** @param id a task id @param text what the model said instead of drawing @return a success without images */
    public static Task textOnly(String id, String text) {
        return Task.builder(TaskId.of(id), TaskStatus.SUCCESS).statusMessage(text).build();
    }
}
