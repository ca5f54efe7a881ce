package dev.gempix2.core.internal;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.Clock;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Saves that failed after the provider created a task (the database was unreachable): the record stays in
 * memory, in the closure of the retried save, and is saved again with a doubling backoff until the store takes
 * it or the client closes. The task is never dropped, and its wait goes on meanwhile.
 */
public final class DeferredSaves {
    private static final Logger LOG = System.getLogger("dev.gempix2");
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration LONGEST_DELAY = Duration.ofMinutes(1);

    private final Clock clock;
    private final Executor executor;
    private volatile boolean closed;

    /**
     * @param clock schedules the retries
     * @param executor where the saves run (they may block on the database)
     */
    public DeferredSaves(Clock clock, Executor executor) {
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * Saves again later, for as long as it takes.
     *
     * @param id the task whose record could not be saved (named in the warning)
     * @param failure why the first save failed
     * @param save the save to repeat; it throws while the store is unreachable
     */
    public void retry(TaskId id, RuntimeException failure, Runnable save) {
        LOG.log(Level.WARNING, "The GemPix2 task repository failed to record task " + id + "; the record is kept "
                + "in memory and saved again with backoff (the wait goes on): " + failure);
        schedule(id, save, FIRST_DELAY, 1);
    }

    /** Stops retrying (the client closed); a record not yet saved stays in doubt, and a callback carrying its token still adopts the task. */
    public void close() {
        closed = true;
    }

    private void schedule(TaskId id, Runnable save, Duration delay, int attempt) {
        if (closed) {
            LOG.log(Level.WARNING, "GemPix2 client closed before task {0} could be recorded", id);
            return;
        }
        clock.schedule(delay, () -> {
            try {
                executor.execute(() -> attempt(id, save, delay, attempt));
            } catch (RejectedExecutionException shutDown) {
                LOG.log(Level.WARNING, "GemPix2 client closed before task {0} could be recorded", id);
            }
        });
    }

    private void attempt(TaskId id, Runnable save, Duration delay, int attempt) {
        if (closed) {
            return;
        }
        try {
            save.run();
            LOG.log(Level.INFO, "GemPix2 task {0} recorded after {1} attempt(s)", id, attempt + 1);
        } catch (RuntimeException stillFailing) {
            Duration next = delay.multipliedBy(2).compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay.multipliedBy(2);
            LOG.log(Level.DEBUG, "Recording GemPix2 task {0} failed again ({1}); next try in {2}", id,
                    stillFailing.toString(), next);
            schedule(id, save, next, attempt + 1);
        }
    }
}
