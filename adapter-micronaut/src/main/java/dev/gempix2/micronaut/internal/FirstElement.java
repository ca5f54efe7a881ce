package dev.gempix2.micronaut.internal;

import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Bridges a single-result {@link Publisher} (what Micronaut's HTTP client returns) to a
 * {@link CompletableFuture}, without blocking and without Reactor: cancelling the future cancels the exchange.
 *
 * @param <T> the element type
 */
final class FirstElement<T> implements Subscriber<T> {
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private final AtomicReference<Subscription> subscription = new AtomicReference<>();

    private FirstElement() {
    }

    /**
     * @param publisher a publisher of one element
     * @param <T> the element type
     * @return a future of its first element, failed with the publisher's error or when it is empty
     */
    static <T> CompletableFuture<T> of(Publisher<T> publisher) {
        FirstElement<T> subscriber = new FirstElement<>();
        subscriber.future.whenComplete((value, error) -> {
            Subscription current = subscriber.subscription.get();
            if (current != null && subscriber.future.isCancelled()) {
                current.cancel();
            }
        });
        publisher.subscribe(subscriber);
        return subscriber.future;
    }

    @Override
    public void onSubscribe(Subscription s) {
        if (!subscription.compareAndSet(null, s)) {
            s.cancel();
            return;
        }
        if (future.isCancelled()) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(T value) {
        future.complete(value);
    }

    @Override
    public void onError(Throwable error) {
        future.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        future.completeExceptionally(new NoSuchElementException("the HTTP client completed without a response"));
    }
}
