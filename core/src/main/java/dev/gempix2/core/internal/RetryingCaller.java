package dev.gempix2.core.internal;

import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.RateLimitedException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.port.Clock;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Runs a remote call with the retries its {@link CallKind} allows. Waits between attempts are scheduled on the
 * {@link Clock}: no thread sleeps. The returned future may complete on a transport or clock thread, so callers
 * hop to their executor before running anything else. Cancelling it stops further attempts.
 */
public final class RetryingCaller {
    private static final Logger LOG = System.getLogger("dev.gempix2");

    private final RetryPolicy policy;
    private final Clock clock;
    private final DoubleSupplier jitter;
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
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(kind, subject, attempt, 0, result);
        return result;
    }

    private <T> void attempt(CallKind kind, String subject, Supplier<CompletableFuture<T>> attempt, int retriesDone,
                             CompletableFuture<T> result) {
        if (result.isDone()) {
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
        pending.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            GemPix2Exception failure = Failures.unwrap(error);
            if (retriesDone >= policy.maxRetries() || !kind.isRetryable(failure, policy) || result.isDone()) {
                // A 404 may be the provider catching up after a submit: the wait decides whether it matters.
                Level level = failure instanceof TaskNotFoundException || result.isDone() ? Level.DEBUG : Level.WARNING;
                LOG.log(level, "GemPix2 {0} of {1} failed{2}: {3}", kind.label(), subject,
                        retriesDone == 0 ? "" : " after " + retriesDone + " retries", Failures.describe(failure));
                result.completeExceptionally(failure);
                return;
            }
            int retry = retriesDone + 1;
            Duration delay = delayBefore(retry, failure);
            LOG.log(Level.INFO, "GemPix2 {0} of {1} failed ({2}); retry {3} of {4} in {5} ms",
                    kind.label(), subject, Failures.describe(failure), retry, policy.maxRetries(),
                    String.valueOf(delay.toMillis()));
            observers.retryScheduled(kind, retry, failure, delay);
            Clock.Scheduled scheduled = clock.schedule(delay, () -> attempt(kind, subject, attempt, retry, result));
            result.whenComplete((ignored, cancelled) -> scheduled.cancel());
        });
    }

    /**
     * @param retry the retry's number, 1 for the first
     * @param failure what the last attempt failed with
     * @return the server's {@code Retry-After} (capped) when it sent one, else the jittered backoff
     */
    Duration delayBefore(int retry, GemPix2Exception failure) {
        Optional<Duration> asked = failure instanceof RateLimitedException limited ? limited.retryAfter()
                : failure instanceof ServerException server ? server.retryAfter() : Optional.empty();
        return asked.map(policy::honour).orElseGet(() -> policy.backoff(retry, jitter.getAsDouble()));
    }
}
