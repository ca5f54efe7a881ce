package dev.gempix2.core.internal;

import dev.gempix2.core.error.GemPix2Exception;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The blocking forms of the client's calls: wait for the future and throw its {@link GemPix2Exception}. */
public final class BlockingCalls {
    private BlockingCalls() {
    }

    /**
     * @param future the async form's result
     * @param <T> its type
     * @return its value
     * @throws GemPix2Exception what it failed with, unwrapped
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException failed) {
            throw Failures.unwrap(failed);
        } catch (CancellationException cancelled) {
            throw new GemPix2Exception("The GemPix2 call was cancelled", cancelled);
        } catch (InterruptedException interrupted) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new GemPix2Exception("Interrupted while waiting for GemPix2", interrupted);
        }
    }
}
