package dev.gempix2.core.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The submits whose answers are still to be recorded. A submit already sent may have created (and billed) a
 * task: when the client closes, it waits a short grace for those answers, so that their task ids reach the
 * repository before the executor and the transport go away. What the grace does not cover stays "in doubt"
 * (unfinished, without a task id), where a callback or a later client can still find it.
 */
public final class CloseGrace {
    private static final Logger LOG = System.getLogger("dev.gempix2");

    private final Set<CompletableFuture<Void>> unsettled = ConcurrentHashMap.newKeySet();

    /**
     * A submit is about to be sent.
     *
     * @return to run once its answer (or failure) is recorded
     */
    public Runnable begin() {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        unsettled.add(settled);
        return () -> {
            settled.complete(null);
            unsettled.remove(settled);
        };
    }

    /** @return how many submits have not been settled yet */
    public int unsettledCount() {
        return unsettled.size();
    }

    /**
     * Blocks until every submit begun so far is settled, or the grace has passed (real time: the client is
     * closing, its clock may be a test's).
     *
     * @param grace the longest wait
     */
    public void awaitSettled(Duration grace) {
        if (unsettled.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] waiting = unsettled.toArray(CompletableFuture<?>[]::new);
        LOG.log(Level.DEBUG, "Closing: waiting up to {0} ms for {1} GemPix2 submit answer(s) to be recorded",
                String.valueOf(grace.toMillis()), waiting.length);
        try {
            CompletableFuture.allOf(waiting).get(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            LOG.log(Level.WARNING, "Closing: {0} GemPix2 submit(s) got no answer within the close grace of {1} ms; "
                    + "their records stay unfinished without a task id (in doubt), where a callback or a later "
                    + "client can still find them", unsettled.size(), String.valueOf(grace.toMillis()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException impossible) {
            // the futures only ever complete normally
        }
    }
}
