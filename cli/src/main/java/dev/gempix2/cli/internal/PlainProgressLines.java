package dev.gempix2.cli.internal;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** Progress for logs and pipes: one plain line per change, e.g. {@code task ta1: in_progress (1.2s)}. */
final class PlainProgressLines extends ProgressReport {
    private final PrintWriter err;
    private String lastPrinted;

    PlainProgressLines(PrintWriter err, LongSupplier nanoTime) {
        super(nanoTime);
        this.err = err;
    }

    @Override
    protected void announce(TaskId id, String what) {
        err.println("task " + id.value() + ": " + what);
        err.flush();
    }

    @Override
    protected void changed(TaskStatus newStatus) {
        print(newStatus.wireValue());
    }

    @Override
    protected void ended(String outcome) {
        // Without a task (the submit failed) there is nothing to report: the error says it all.
        if (taskId() != null && !outcome.equals(lastPrinted)) {
            print(outcome);
        }
    }

    private void print(String what) {
        lastPrinted = what;
        TaskId id = taskId();
        err.println((id == null ? "task" : "task " + id.value()) + ": " + what + " (" + elapsed() + ")");
        err.flush();
    }
}
