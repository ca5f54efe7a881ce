package dev.gempix2.repository.jdbc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Awaits a condition that background work makes true, re-checking every 50 ms on a scheduler (no sleeping). */
final class Eventually {
    private Eventually() {
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
        CompletableFuture<Void> met = new CompletableFuture<>();
        Executor later = CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            try {
                if (condition.getAsBoolean()) {
                    met.complete(null);
                } else if (!met.isDone()) {
                    later.execute(check[0]);
                }
            } catch (RuntimeException failed) {
                met.completeExceptionally(failed);
            }
        };
        check[0].run();
        try {
            met.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException late) {
            met.cancel(false);
            throw new AssertionError("not within " + timeout + ": " + what, late);
        }
    }
}
