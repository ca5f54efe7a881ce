package dev.gempix2.core.internal;

import dev.gempix2.core.error.GemPix2Exception;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client's async plumbing: every future a call hands out is tracked here until it completes, so that closing
 * the client fails each one still pending with the same clear error; a call started after the close fails at
 * once; work handed to the callback executor fails the call when that executor no longer takes work.
 * Thread-safe.
 */
public final class CallTracking {
    private final Executor executor;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param executor where {@link #dispatch} runs work: the client's callback executor */
    public CallTracking(Executor executor) {
        this.executor = executor;
    }

    /**
     * @param <T> the call's value
     * @return a new future for one call, tracked until it completes (close fails it when still pending)
     */
    public <T> CompletableFuture<T> newCall() {
        CompletableFuture<T> future = new CompletableFuture<>();
        pending.add(future);
        future.whenComplete((value, error) -> pending.remove(future));
        return future;
    }

    /**
     * @param result a call's future
     * @return true when the client is closed and the future has failed with {@link #closedException()}
     */
    public boolean failIfClosed(CompletableFuture<?> result) {
        if (closed.get()) {
            result.completeExceptionally(closedException());
            return true;
        }
        return false;
    }

    /**
     * Runs the action on the callback executor, or fails the call when the executor takes no more work.
     *
     * @param result the call's future
     * @param action what completes it
     */
    public void dispatch(CompletableFuture<?> result, Runnable action) {
        try {
            executor.execute(action);
        } catch (RejectedExecutionException closing) {
            result.completeExceptionally(closedException());
        }
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed.get();
    }

    /** @return true for the first call only: the one that must release what the client holds */
    public boolean close() {
        return closed.compareAndSet(false, true);
    }

    /** @param reason what every call still pending fails with */
    public void failPending(GemPix2Exception reason) {
        List.copyOf(pending).forEach(future -> future.completeExceptionally(reason));
        pending.clear();
    }

    /** @return how many calls have not completed yet */
    public int pendingCount() {
        return pending.size();
    }

    /** @return the failure of a call that cannot finish because the client was closed */
    public static GemPix2Exception closedException() {
        return new GemPix2Exception("The GemPix2Client was closed; this call cannot finish (the task, if submitted, "
                + "goes on at the provider: await it again with a new client)");
    }
}
