package dev.gempix2.micronaut.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A {@link Subscriber} that feeds a {@link CompletableFuture}, without blocking and without Reactor: cancelling the
 * future cancels the exchange, whether that happens before or after the subscription arrives. Subclasses say how
 * much to request and what each signal means for the future.
 *
 * @param <T> the element type
 * @param <R> the future's value
 */
abstract class FutureSubscriber<T, R> implements Subscriber<T> {
    /** What the subclass completes. */
    protected final CompletableFuture<R> future = new CompletableFuture<>();
    private final AtomicReference<Subscription> subscription = new AtomicReference<>();
    private final long demand;

    /** @param demand how many elements to request once subscribed */
    protected FutureSubscriber(long demand) {
        this.demand = demand;
    }

    /**
     * Subscribes this to the publisher.
     *
     * @param publisher what to subscribe to
     * @return the future this subscriber completes
     */
    final CompletableFuture<R> subscribeTo(Publisher<T> publisher) {
        future.whenComplete((value, error) -> {
            Subscription current = subscription.get();
            if (current != null && future.isCancelled()) {
                current.cancel();
            }
        });
        publisher.subscribe(this);
        return future;
    }

    @Override
    public final void onSubscribe(Subscription s) {
        if (!subscription.compareAndSet(null, s)) {
            s.cancel();
            return;
        }
        if (future.isCancelled()) {
            s.cancel();
        } else {
            s.request(demand);
        }
    }

    /** Stops the exchange, e.g. once the body has passed its cap. */
    protected final void cancelExchange() {
        Subscription current = subscription.get();
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onError(Throwable error) {
        future.completeExceptionally(error);
    }
}
