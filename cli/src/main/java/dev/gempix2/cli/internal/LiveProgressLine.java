package dev.gempix2.cli.internal;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress for a person at a terminal: one line, redrawn in place, with a spinner, the status and the time
 * so far (for example {@code - in_progress  3.4s  task ta1}); it ends as the outcome and a line break. Plain
 * carriage returns only, no escape codes, so that every terminal shows it the same.
 */
final class LiveProgressLine extends ProgressReport {
    private static final char[] SPINNER = {'|', '/', '-', '\\'};
    private static final long REDRAW_MILLIS = 100;

    private final PrintWriter err;
    private final boolean animate;
    private ScheduledExecutorService redraws;
    private int frame;
    private int lastLength;

    /**
     * @param err where the line is drawn
     * @param nanoTime the time source
     * @param animate whether {@link #begin()} starts redrawing ten times a second (tests call {@link #tick()})
     */
    LiveProgressLine(PrintWriter err, LongSupplier nanoTime, boolean animate) {
        super(nanoTime);
        this.err = err;
        this.animate = animate;
    }

    @Override
    protected void begun() {
        if (animate) {
            redraws = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "gempix2-progress");
                thread.setDaemon(true);
                return thread;
            });
            redraws.scheduleWithFixedDelay(this::tick, 0, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            tick();
        }
    }

    /** Redraws the line with the next spinner frame. */
    synchronized void tick() {
        if (!isRunning()) {
            return;
        }
        frame = (frame + 1) % SPINNER.length;
        TaskStatus status = status();
        TaskId id = taskId();
        String shown = status != null ? status.wireValue() : id == null ? "submitting" : "waiting";
        draw(SPINNER[frame] + " " + shown + "  " + elapsed() + (id == null ? "" : "  task " + id.value()), false);
    }

    @Override
    protected void announce(TaskId id, String what) {
        tick();
    }

    @Override
    protected void changed(TaskStatus newStatus) {
        tick();
    }

    @Override
    protected void ended(String outcome) {
        if (redraws != null) {
            redraws.shutdownNow();
        }
        TaskId id = taskId();
        draw(outcome + " after " + elapsed() + (id == null ? "" : "  task " + id.value()), true);
    }

    private void draw(String text, boolean last) {
        // Spaces wipe what a longer previous line left behind.
        String padding = " ".repeat(Math.max(0, lastLength - text.length()));
        err.print("\r" + text + padding + (last ? System.lineSeparator() : ""));
        err.flush();
        lastLength = text.length();
    }
}
