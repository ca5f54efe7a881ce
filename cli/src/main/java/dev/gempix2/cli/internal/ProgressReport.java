package dev.gempix2.cli.internal;

import dev.gempix2.core.TaskListener;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.model.TaskStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Tells a person on stderr how a task is doing while the command waits for it: silent until
 * {@link #begin()}, fed by the client as a {@link TaskListener}, ended by {@link #finish(String)} with the
 * outcome. Thread-safe: the client calls {@link #onStatus} on its own threads.
 */
public abstract class ProgressReport implements TaskListener, AutoCloseable {
    private final LongSupplier nanoTime;
    private long startNanos;
    private TaskId taskId;
    private TaskStatus status;
    private boolean begun;
    private boolean finished;

    /** @param nanoTime the time source, {@code System::nanoTime} outside tests */
    protected ProgressReport(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /**
     * A live line on a terminal, one line per change otherwise.
     *
     * @param err where progress goes
     * @param terminal whether a person watches a terminal ({@code System.console() != null})
     * @return the report
     */
    public static ProgressReport to(PrintWriter err, boolean terminal) {
        return terminal ? new LiveProgressLine(err, System::nanoTime, true) : new PlainProgressLines(err, System::nanoTime);
    }

    /** Starts the report and its clock (the live line starts redrawing). */
    public final synchronized void begin() {
        if (begun || finished) {
            return;
        }
        begun = true;
        startNanos = nanoTime.getAsLong();
        begun();
    }

    /**
     * The task is known: its id came back from the submit, or the command was given it.
     *
     * @param id the task
     * @param what a few words on what happens now, e.g. {@code "created"} or {@code "waiting"}
     */
    public final synchronized void started(TaskId id, String what) {
        this.taskId = id;
        if (begun && !finished) {
            announce(id, what);
        }
    }

    @Override
    public final void onStatus(TaskRecord record, Task snapshot) {
        statusChanged(snapshot.status());
    }

    /** @param newStatus the task's status as last seen */
    public final synchronized void statusChanged(TaskStatus newStatus) {
        if (newStatus == status) {
            return;
        }
        status = newStatus;
        if (begun && !finished) {
            changed(newStatus);
        }
    }

    /**
     * Ends the report; later status changes are ignored.
     *
     * @param outcome the last word, e.g. {@code "success"} or {@code "timed out"}
     */
    public final synchronized void finish(String outcome) {
        if (finished) {
            return;
        }
        finished = true;
        if (begun) {
            ended(outcome);
        }
    }

    /** Ends the report, if nothing else did, as {@code stopped}. */
    @Override
    public void close() {
        finish("stopped");
    }

    /** Called once by {@link #begin()}. */
    protected void begun() {
    }

    /**
     * @param id the task
     * @param what what happens now
     */
    protected abstract void announce(TaskId id, String what);

    /** @param newStatus the new status */
    protected abstract void changed(TaskStatus newStatus);

    /** @param outcome the last word */
    protected abstract void ended(String outcome);

    /** @return the task, or null before it is known */
    protected final synchronized TaskId taskId() {
        return taskId;
    }

    /** @return the last status seen, or null */
    protected final synchronized TaskStatus status() {
        return status;
    }

    /** @return whether the report is running: begun and not finished */
    protected final synchronized boolean isRunning() {
        return begun && !finished;
    }

    /** @return the time since {@link #begin()}, as {@code 2.1s} or {@code 1m05s} */
    protected final synchronized String elapsed() {
        return Durations.describe(Duration.ofNanos(nanoTime.getAsLong() - startNanos));
    }
}
