package dev.gempix2.transport.httpclient5.internal;

import dev.gempix2.core.wire.AsyncFailures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * Hands callers a future that fails with the mapped exception itself, not wrapped in the
 * {@link CompletionException} that dependent stages add, so that {@code exceptionally} and {@code handle}
 * see a {@code GemPix2Exception} directly.
 */
public final class PlainFailure {

    private PlainFailure() {
    }

    /**
     * @param stage the chain of stages
     * @param <T> the value's type
     * @return a future with the same outcome, its failure unwrapped
     */
    public static <T> CompletableFuture<T> of(CompletionStage<T> stage) {
        return of(stage, null);
    }

    /**
     * @param stage the chain of stages
     * @param exchange the future whose cancellation aborts the exchange (a stage derived from it does not pass a
     *                 cancellation back to it), or null
     * @param <T> the value's type
     * @return a future with the same outcome, its failure unwrapped; cancelling it cancels {@code exchange}
     */
    public static <T> CompletableFuture<T> of(CompletionStage<T> stage, Future<?> exchange) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (exchange != null) {
            result.whenComplete((value, failure) -> {
                if (result.isCancelled()) {
                    exchange.cancel(true);
                }
            });
        }
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(AsyncFailures.unwrap(failure));
            }
        });
        return result;
    }
}
