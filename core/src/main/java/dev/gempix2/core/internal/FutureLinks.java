package dev.gempix2.core.internal;

import java.util.concurrent.CompletableFuture;

/** Links a future the client hands out to the internal one it stands for. */
public final class FutureLinks {
    private FutureLinks() {
    }

    /**
     * Completes {@code result} with the source's outcome (its failure unwrapped); when {@code result} is cancelled
     * or failed first (the client closing), the source is cancelled, which stops what feeds it.
     *
     * @param source the internal future
     * @param result the future handed out
     * @param <T> the value's type
     */
    public static <T> void follow(CompletableFuture<T> source, CompletableFuture<T> result) {
        result.whenComplete((value, error) -> {
            if (result.isCancelled() || error != null) {
                source.cancel(false);
            }
        });
        source.whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(Failures.unwrap(error));
            } else {
                result.complete(value);
            }
        });
    }
}
