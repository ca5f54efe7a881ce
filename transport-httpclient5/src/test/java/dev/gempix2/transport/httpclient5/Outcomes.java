package dev.gempix2.transport.httpclient5;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Waits for a future's outcome in tests. */
final class Outcomes {

    private Outcomes() {
    }

    /** @return the exception the future failed with, exactly as a {@code handle} stage sees it */
    static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        Throwable failure = future.handle((value, error) -> error).get(15, TimeUnit.SECONDS);
        if (failure == null) {
            throw new AssertionError("expected the future to fail, but it completed with " + future.join());
        }
        return failure;
    }

    static <T> T valueOf(CompletableFuture<T> future) throws Exception {
        return future.get(15, TimeUnit.SECONDS);
    }
}
