package dev.gempix2.micronaut.internal;

import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;

/**
 * Bridges a single-result {@link Publisher} (what Micronaut's HTTP client returns) to a
 * {@link CompletableFuture}, without blocking and without Reactor: cancelling the future cancels the exchange.
 *
 * @param <T> the element type
 */
final class FirstElement<T> extends FutureSubscriber<T, T> {

    private FirstElement() {
        super(1);
    }

    /**
     * @param publisher a publisher of one element
     * @param <T> the element type
     * @return a future of its first element, failed with the publisher's error or when it is empty
     */
    static <T> CompletableFuture<T> of(Publisher<T> publisher) {
        return new FirstElement<T>().subscribeTo(publisher);
    }

    @Override
    public void onNext(T value) {
        future.complete(value);
    }

    @Override
    public void onComplete() {
        future.completeExceptionally(new NoSuchElementException("the HTTP client completed without a response"));
    }
}
