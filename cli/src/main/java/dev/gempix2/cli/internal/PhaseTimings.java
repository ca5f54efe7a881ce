package dev.gempix2.cli.internal;

import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskStatus;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongSupplier;

/**
 * What {@code generate --verbose} prints at the end, gathered from the client's observer events: the polls,
 * callbacks and retries the task took, and the wall time of each phase (submit, each status the task was seen
 * in, download).
 */
public final class PhaseTimings implements GemPix2Observer {
    private final LongSupplier nanoTime;
    private final long start;
    private final Map<Operation, long[]> firstAndLast = new EnumMap<>(Operation.class);
    private final Map<Operation, Integer> attempts = new EnumMap<>(Operation.class);
    private final Map<String, Integer> retries = new LinkedHashMap<>();
    private final Map<TaskStatus, Long> statusSeenAt = new LinkedHashMap<>();
    private int callbacks;
    private int polls;
    private long waitEnded = -1;
    private String outcome = "unfinished";

    /** Starts the clock now. */
    public PhaseTimings() {
        this(System::nanoTime);
    }

    PhaseTimings(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    @Override
    public synchronized AttemptObservation attemptStarted(AttemptStarted event, TaskObservation task) {
        long now = nanoTime.getAsLong();
        firstAndLast.computeIfAbsent(event.operation(), op -> new long[] {now, now});
        attempts.merge(event.operation(), 1, Integer::sum);
        return AttemptObservation.NONE;
    }

    @Override
    public synchronized void attemptEnded(AttemptEnded event, AttemptObservation attempt) {
        long[] span = firstAndLast.get(event.operation());
        if (span != null) {
            span[1] = nanoTime.getAsLong();
        }
    }

    @Override
    public synchronized void retryScheduled(RetryScheduled event) {
        retries.merge(event.operation().tag() + " after " + event.reason(), 1, Integer::sum);
    }

    @Override
    public synchronized void statusChanged(Task snapshot, TaskObservation task) {
        statusSeenAt.putIfAbsent(snapshot.status(), nanoTime.getAsLong());
    }

    @Override
    public synchronized void callbackHandled(CallbackHandled event, TaskObservation task) {
        callbacks++;
    }

    @Override
    public synchronized void taskEnded(TaskEnded event, TaskObservation task) {
        waitEnded = nanoTime.getAsLong();
        polls = event.polls();
        outcome = event.outcome().tag();
    }

    /** @return the lines to print, without a trailing newline */
    public synchronized String summary() {
        long end = nanoTime.getAsLong();
        StringJoiner phases = new StringJoiner(", ");
        long[] submit = firstAndLast.get(Operation.SUBMIT);
        long waitStart = submit != null ? submit[1] : start;
        if (submit != null) {
            phases.add("submit " + seconds(submit[1] - submit[0]));
        }
        long previous = waitStart;
        TaskStatus previousStatus = null;
        for (Map.Entry<TaskStatus, Long> seen : statusSeenAt.entrySet()) {
            if (previousStatus != null) {
                phases.add(previousStatus.wireValue() + " " + seconds(seen.getValue() - previous));
            } else {
                phases.add("until first status " + seconds(seen.getValue() - previous));
            }
            previous = seen.getValue();
            previousStatus = seen.getKey();
        }
        if (waitEnded >= 0) {
            phases.add("wait " + seconds(waitEnded - waitStart));
        }
        long[] download = firstAndLast.get(Operation.DOWNLOAD);
        if (download != null) {
            phases.add("download " + seconds(download[1] - download[0]));
        }
        phases.add("total " + seconds(end - start));
        StringJoiner retried = new StringJoiner(", ", " (", ")").setEmptyValue("");
        retries.forEach((reason, count) -> retried.add(count + "× " + reason));
        int retryCount = retries.values().stream().mapToInt(Integer::intValue).sum();
        return "gempix2: task " + outcome + "; polls " + polls + ", callbacks " + callbacks + ", retries "
                + retryCount + retried + "\n"
                + "gempix2: HTTP attempts: submit " + attempts.getOrDefault(Operation.SUBMIT, 0) + ", query "
                + attempts.getOrDefault(Operation.QUERY, 0) + ", download "
                + attempts.getOrDefault(Operation.DOWNLOAD, 0) + "\n"
                + "gempix2: wall time: " + phases;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
