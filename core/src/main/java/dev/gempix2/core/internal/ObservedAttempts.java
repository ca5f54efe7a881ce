package dev.gempix2.core.internal;

import dev.gempix2.core.GemPix2Observer;
import dev.gempix2.core.GemPix2Observer.AttemptEnded;
import dev.gempix2.core.GemPix2Observer.AttemptObservation;
import dev.gempix2.core.GemPix2Observer.AttemptOutcome;
import dev.gempix2.core.GemPix2Observer.AttemptStarted;
import dev.gempix2.core.GemPix2Observer.Operation;
import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.wire.AsyncFailures;
import dev.gempix2.core.wire.AttemptHeaders;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The attempts of one remote call, as the {@code RetryingCaller} starts them: each {@link #get()} is one HTTP
 * attempt, reported to every observer at its start and its end, with the observers' headers set for the
 * transport while it builds the request.
 *
 * @param <T> the call's result
 */
final class ObservedAttempts<T> implements Supplier<CompletableFuture<T>> {
    private final Observers observers;
    private final Operation operation;
    private final String method;
    private final Optional<URI> url;
    private final ObservedTask task;
    private final Supplier<CompletableFuture<T>> attempt;
    private final AtomicInteger started = new AtomicInteger();

    ObservedAttempts(Observers observers, Operation operation, String method, Optional<URI> url, ObservedTask task,
                     Supplier<CompletableFuture<T>> attempt) {
        this.observers = observers;
        this.operation = operation;
        this.method = method;
        this.url = url;
        this.task = task;
        this.attempt = attempt;
    }

    @Override
    public CompletableFuture<T> get() {
        int number = started.incrementAndGet();
        if (task != null) {
            if (operation == Operation.QUERY) {
                task.polls.incrementAndGet();
            }
            if (number > 1) {
                task.retries.incrementAndGet();
            }
        }
        AttemptStarted event = new AttemptStarted(operation, number, method, url,
                task == null ? Optional.empty() : Optional.ofNullable(task.taskId),
                task == null ? Optional.empty() : task.model);
        GemPix2Observer[] all = observers.all();
        AttemptObservation[] observations = new AttemptObservation[all.length];
        Map<String, String> headers = Map.of();
        for (int i = 0; i < all.length; i++) {
            observations[i] = observers.attemptStarted(i, event, task);
            Map<String, String> added = Observers.headersOf(observations[i]);
            if (!added.isEmpty()) {
                headers = headers.isEmpty() ? new HashMap<>(added) : merge(headers, added);
            }
        }
        long start = System.nanoTime();
        CompletableFuture<T> pending = AttemptHeaders.during(headers, attempt);
        if (pending == null) {
            return null;
        }
        // The caller sees the attempt end only after the observers did, so what they record is there when the
        // call returns; cancelling what the caller holds cancels the transport's exchange.
        CompletableFuture<T> observed = new CompletableFuture<>();
        pending.whenComplete((value, error) -> {
            observers.attemptEnded(ended(number, value, error, Duration.ofNanos(System.nanoTime() - start)),
                    observations);
            if (error != null) {
                observed.completeExceptionally(error);
            } else {
                observed.complete(value);
            }
        });
        observed.whenComplete((value, error) -> {
            if (observed.isCancelled()) {
                pending.cancel(false);
            }
        });
        return observed;
    }

    private static Map<String, String> merge(Map<String, String> headers, Map<String, String> added) {
        headers.putAll(added);
        return headers;
    }

    private AttemptEnded ended(int number, Object value, Throwable error, Duration duration) {
        if (error == null) {
            OptionalLong bytes = value instanceof byte[] body ? OptionalLong.of(body.length) : OptionalLong.empty();
            return new AttemptEnded(operation, number, AttemptOutcome.SUCCESS, OptionalInt.of(200), duration, bytes,
                    Optional.empty());
        }
        Throwable cause = AsyncFailures.unwrap(error);
        if (cause instanceof CancellationException) {
            return new AttemptEnded(operation, number, AttemptOutcome.IO_ERROR, OptionalInt.empty(), duration,
                    OptionalLong.empty(), Optional.of("cancelled"));
        }
        GemPix2Exception failure = Failures.unwrap(cause);
        OptionalInt status = failure instanceof ApiException api && api.httpStatus() > 0
                ? OptionalInt.of(api.httpStatus()) : OptionalInt.empty();
        return new AttemptEnded(operation, number, outcomeOf(failure), status, duration, OptionalLong.empty(),
                Optional.of(failure.getClass().getName()));
    }

    static AttemptOutcome outcomeOf(GemPix2Exception failure) {
        if (failure instanceof ResponseTooLargeException) {
            return AttemptOutcome.TOO_LARGE;
        }
        if (failure instanceof ApiException api) {
            return api.httpStatus() >= 500 ? AttemptOutcome.SERVER_ERROR : AttemptOutcome.CLIENT_ERROR;
        }
        return AttemptOutcome.IO_ERROR;
    }
}
