package dev.gempix2.core.wire;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one unwrap of a future's failure, shared by core, the transports, the adapters, the CLI and the testkit:
 * {@code CompletableFuture}'s dependent stages wrap a failure in {@link CompletionException}, and
 * {@code Future.get()} wraps it in {@link ExecutionException}; what the caller wants to see, log or map is the
 * failure inside. Stateless and thread-safe.
 *
 * <pre>{@code
 * future.whenComplete((value, error) -> {
 *     if (error != null && AsyncFailures.unwrap(error) instanceof TaskFailedException failed) { ... }
 * });
 * }</pre>
 */
public final class AsyncFailures {
    // Far deeper than any real chain of wrappers; stops a chain that loops back on itself.
    private static final int MAX_WRAPPERS = 32;

    private AsyncFailures() {
    }

    /**
     * @param failure what a future failed with, possibly wrapped; may be null
     * @return the first cause in its chain that is not a {@link CompletionException} or
     *         {@link ExecutionException} (a wrapper without a cause is returned as it is); null for null
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; depth < MAX_WRAPPERS
                && (cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null && cause.getCause() != cause; depth++) {
            cause = cause.getCause();
        }
        return cause;
    }
}
