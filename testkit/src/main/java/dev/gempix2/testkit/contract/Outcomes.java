package dev.gempix2.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gempix2.core.wire.AsyncFailures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads the futures a port returns, within a bound, so that a contract test fails instead of hanging. */
final class Outcomes {
    private static final long WAIT_SECONDS = 10;

    private Outcomes() {
    }

    static <T> T value(CompletableFuture<T> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw new AssertionError("expected a value but the future failed with " + failed.getCause(),
                    failed.getCause());
        } catch (TimeoutException slow) {
            throw new AssertionError("the future did not complete within " + WAIT_SECONDS + " s");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    static Throwable failure(CompletableFuture<?> future) {
        try {
            Object value = future.get(WAIT_SECONDS, TimeUnit.SECONDS);
            return fail("expected a failed future but it completed with " + value);
        } catch (ExecutionException failed) {
            return AsyncFailures.unwrap(failed);
        } catch (TimeoutException slow) {
            return fail("the future did not complete within " + WAIT_SECONDS + " s");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return fail("interrupted", interrupted);
        }
    }

    static <T extends Throwable> T failure(CompletableFuture<?> future, Class<T> expected) {
        Throwable failure = failure(future);
        return assertInstanceOf(expected, failure,
                () -> "expected " + expected.getSimpleName() + " but the future failed with " + failure);
    }
}
