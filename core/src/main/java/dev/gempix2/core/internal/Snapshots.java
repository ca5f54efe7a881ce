package dev.gempix2.core.internal;

import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskStatus;

/** What the client makes of a reported snapshot before anyone sees it. */
public final class Snapshots {
    /** The reason given when a task succeeded without any image and without any text. */
    public static final String NO_IMAGE = "GemPix2 reported success but returned no image";

    private Snapshots() {
    }

    /**
     * A success without any image is the model answering in words: for the caller that is a failure whose
     * reason is the model's text.
     *
     * @param reported the snapshot as reported
     * @return the snapshot the client acts on
     */
    public static Task normalize(Task reported) {
        if (reported.status() != TaskStatus.SUCCESS || !reported.images().isEmpty()) {
            return reported;
        }
        return new Task(reported.id(), TaskStatus.FAILED, reported.images(), reported.consumedCredits(),
                reported.statusMessage().or(() -> java.util.Optional.of(NO_IMAGE)), reported.createdAt());
    }
}
