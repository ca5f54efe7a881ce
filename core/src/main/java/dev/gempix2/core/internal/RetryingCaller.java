package dev.gempix2.core.internal;

import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.RateLimitedException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.port.Clock;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Runs a remote call with the retries its {@link CallKind} allows. Waits between attempts are scheduled on the
 * {@link Clock}: no thread sleeps. The returned future may complete on a transport or clock thread, so callers
 * hop to their executor before running anything else. Cancelling it stops further attempts and cancels the
 * attempt in flight, which aborts its exchange.
 */
public final class RetryingCaller {
    private static final Logger LOG = System.getLogger("dev.gempix2");

    private final RetryPolicy policy;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final Set<Runnable> waitingRetries = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private final Observers observers;

    /**
     * @param policy how often and how long to wait
     * @param clock where the waits are scheduled
     * @param jitter values in [0, 1) for the backoff's jitter
     */
    public RetryingCaller(RetryPolicy policy, Clock clock, DoubleSupplier jitter) {
        this(policy, clock, jitter, new Observers(java.util.List.of(), clock, null));
    }

    /**
     * @param policy how often and how long to wait
     * @param clock where the waits are scheduled
     * @param jitter values in [0, 1) for the backoff's jitter
     * @param observers told of each retry
     */
    public RetryingCaller(RetryPolicy policy, Clock clock, DoubleSupplier jitter, Observers observers) {
        this.policy = policy;
        this.clock = clock;
        this.jitter = jitter;
        this.observers = observers;
    }

    /** @return the policy in use */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * @param kind which call this is, deciding what is retried
     * @param subject what the call is about, for log lines (a task id, a URL; never a secret)
     * @param attempt starts one attempt
     * @param <T> the call's result
     * @return the first successful result, or the last failure as a {@link GemPix2Exception}
     */
    public <T> CompletableFuture<T> call(CallKind kind, String subject, Supplier<CompletableFuture<T>> attempt) {
        return call(kind, subject, attempt, policy, null);
    }

    /**
     * Like {@link #call(CallKind, String, Supplier)} with this call's own retries and overall deadline. When the
     * deadline passes, the attempt in flight is cancelled (which aborts its exchange) and the call fails with a
     * {@link TransportException}. Completing or cancelling the returned future cancels the attempt in flight too.
     *
     * @param kind which call this is, deciding what is retried
     * @param subject what the call is about, for log lines (a task id, a URL; never a secret)
     * @param attempt starts one attempt
     * @param retries the retry policy for this call
     * @param timeout the overall deadline, from now; null for none
     * @param <T> the call's result
     * @return the first successful result, or the last failure as a {@link GemPix2Exception}
     */
    public <T> CompletableFuture<T> call(CallKind kind, String subject, Supplier<CompletableFuture<T>> attempt,
                                         RetryPolicy retries, Duration timeout) {
        Call<T> call = new Call<>(kind, subject, attempt, retries);
        if (timeout != null) {
            Clock.Scheduled deadline = clock.schedule(timeout, () -> call.passDeadline(timeout));
            call.result.whenComplete((value, error) -> deadline.cancel());
        }
        call.result.whenComplete((value, error) -> call.cancelAttemptInFlight());
        call.attempt(0);
        return call.result;
    }

    /**
     * Sends nothing more: a retry waiting for its turn fails at once with the failure it was to get past, and
     * no later attempt starts. Attempts already in flight go on (their answers may carry a billed task's id).
     */
    public void stop() {
        stopped = true;
        List.copyOf(waitingRetries).forEach(Runnable::run);
    }

    private final class Call<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();
        final CallKind kind;
        final String subject;
        final Supplier<CompletableFuture<T>> attempt;
        final RetryPolicy retries;
        private CompletableFuture<T> inFlight;
        private GemPix2Exception lastFailure;

        Call(CallKind kind, String subject, Supplier<CompletableFuture<T>> attempt, RetryPolicy retries) {
            this.kind = kind;
            this.subject = subject;
            this.attempt = attempt;
            this.retries = retries;
        }

        void attempt(int retriesDone) {
            if (result.isDone()) {
                return;
            }
            if (stopped && retriesDone > 0) {
                result.completeExceptionally(lastFailure());
                return;
            }
            CompletableFuture<T> pending;
            try {
                pending = attempt.get();
                if (pending == null) {
                    throw new IllegalStateException("the transport returned no future");
                }
            } catch (RuntimeException broken) {
                pending = CompletableFuture.failedFuture(broken);
            }
            synchronized (this) {
                inFlight = pending;
            }
            if (result.isDone()) {
                pending.cancel(true);
                return;
            }
            pending.whenComplete((value, error) -> settle(retriesDone, value, error));
        }

        private void settle(int retriesDone, T value, Throwable error) {
            synchronized (this) {
                inFlight = null;
            }
            if (error == null) {
                result.complete(value);
                return;
            }
            GemPix2Exception failure = Failures.unwrap(error);
            synchronized (this) {
                lastFailure = failure;
            }
            if (retriesDone >= retries.maxRetries() || !kind.isRetryable(failure, retries) || result.isDone()
                    || stopped) {
                // A 404 may be the provider catching up after a submit: the wait decides whether it matters.
                Level level = failure instanceof TaskNotFoundException || result.isDone() ? Level.DEBUG : Level.WARNING;
                LOG.log(level, "GemPix2 {0} of {1} failed{2}: {3}", kind.label(), subject,
                        retriesDone == 0 ? "" : " after " + retriesDone + " retries", Failures.describe(failure));
                result.completeExceptionally(failure);
                return;
            }
            int retry = retriesDone + 1;
            Duration delay = delayBefore(retries, retry, failure);
            LOG.log(Level.INFO, "GemPix2 {0} of {1} failed ({2}); retry {3} of {4} in {5} ms",
                    kind.label(), subject, Failures.describe(failure), retry, retries.maxRetries(),
                    String.valueOf(delay.toMillis()));
            observers.retryScheduled(kind, retry, failure, delay);
            Runnable giveUp = () -> result.completeExceptionally(failure);
            waitingRetries.add(giveUp);
            Clock.Scheduled scheduled = clock.schedule(delay, () -> {
                waitingRetries.remove(giveUp);
                attempt(retry);
            });
            result.whenComplete((ignored, cancelled) -> {
                waitingRetries.remove(giveUp);
                scheduled.cancel();
            });
            if (stopped) {
                giveUp.run();
            }
        }

        void cancelAttemptInFlight() {
            CompletableFuture<T> pending;
            synchronized (this) {
                pending = inFlight;
                inFlight = null;
            }
            if (pending != null) {
                pending.cancel(true);
            }
        }

        void passDeadline(Duration timeout) {
            boolean sending;
            GemPix2Exception last;
            synchronized (this) {
                sending = inFlight != null;
                last = lastFailure;
            }
            // Between attempts nothing is on the wire: whether a task may exist is the last failure's to say.
            boolean mayHaveReachedServer = sending || (last != null && !CallKind.submitCertainlyCreatedNoTask(last));
            TransportException expired = new TransportException("GemPix2 " + kind.label() + " of " + subject
                    + " did not finish within its deadline of " + timeout.toMillis() + " ms"
                    + (sending ? "; the exchange in flight was aborted" : "")
                    + (last == null ? "" : " (last failure: " + Failures.describe(last) + ")"),
                    mayHaveReachedServer, last);
            if (result.completeExceptionally(expired)) {
                LOG.log(Level.WARNING, "GemPix2 {0} of {1} passed its deadline of {2} ms", kind.label(), subject,
                        String.valueOf(timeout.toMillis()));
            }
        }

        private synchronized GemPix2Exception lastFailure() {
            return lastFailure != null ? lastFailure
                    : new GemPix2Exception("The GemPix2Client was closed before this call could be sent");
        }
    }

    /**
     * @param retry the retry's number, 1 for the first
     * @param failure what the last attempt failed with
     * @return the server's {@code Retry-After} (capped) when it sent one, else the jittered backoff
     */
    Duration delayBefore(int retry, GemPix2Exception failure) {
        return delayBefore(policy, retry, failure);
    }

    private Duration delayBefore(RetryPolicy retries, int retry, GemPix2Exception failure) {
        Optional<Duration> asked = failure instanceof RateLimitedException limited ? limited.retryAfter()
                : failure instanceof ServerException server ? server.retryAfter() : Optional.empty();
        return asked.map(retries::honour).orElseGet(() -> retries.backoff(retry, jitter.getAsDouble()));
    }
}
