package dev.gempix2.micronaut.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Passes a cancellation back up a chain of stages: a stage derived with {@code thenApply} does not cancel its
 * source, but the client enforces a call's deadline by cancelling the future it was given, and that must reach
 * the exchange (whose cancellation closes the connection).
 */
final class CancelLink {
    private CancelLink() {
    }

    /**
     * @param outer the future handed out
     * @param exchange the future whose cancellation aborts the exchange
     * @param <T> the value's type
     * @return {@code outer}
     */
    static <T> CompletableFuture<T> cancelling(CompletableFuture<T> outer, Future<?> exchange) {
        outer.whenComplete((value, failure) -> {
            if (outer.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return outer;
    }
}
