package dev.gempix2.core.internal;

import dev.gempix2.core.TaskListener;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskRecord;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/** The user's {@link TaskListener}s; one that throws is logged and does not stop the others or the wait. */
public final class StatusListeners {
    private static final Logger LOG = System.getLogger("dev.gempix2");

    private final List<TaskListener> listeners;

    /** @param listeners the listeners, in the order they were added */
    public StatusListeners(List<TaskListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * @param record the record, already holding the snapshot
     * @param snapshot the new state
     */
    public void statusChanged(TaskRecord record, Task snapshot) {
        for (TaskListener listener : listeners) {
            try {
                listener.onStatus(record, snapshot);
            } catch (RuntimeException thrown) {
                LOG.log(Level.WARNING, "A GemPix2 TaskListener threw on task " + snapshot.id()
                        + "; the wait goes on", thrown);
            }
        }
    }
}
