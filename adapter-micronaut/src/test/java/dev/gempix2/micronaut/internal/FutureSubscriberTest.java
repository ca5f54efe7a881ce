package dev.gempix2.micronaut.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.http.HttpResponse;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The bridge from Micronaut's publishers to futures: a cancelled future stops the exchange whenever it happens. */
class FutureSubscriberTest {

    @Test
    void aDownloadCancelledBeforeTheExchangeSubscribesIsCancelledOnceItDoes() {
        LatePublisher<HttpResponse<ByteBuffer<?>>> chunks = new LatePublisher<>();
        CompletableFuture<byte[]> body = CappedBody.collect(URI.create("https://img.example/a.png"), 1000, chunks);

        body.cancel(false);
        RecordingSubscription subscription = chunks.subscribe();

        assertThat(subscription.cancelled).isTrue();
        assertThat(subscription.requested.get()).isZero();
    }

    @Test
    void aResponseFutureCancelledBeforeTheExchangeSubscribesIsCancelledOnceItDoes() {
        LatePublisher<String> answers = new LatePublisher<>();
        CompletableFuture<String> answer = FirstElement.of(answers);

        answer.cancel(false);
        RecordingSubscription subscription = answers.subscribe();

        assertThat(subscription.cancelled).isTrue();
        assertThat(subscription.requested.get()).isZero();
    }

    @Test
    void aLiveDownloadRequestsEverythingAndALiveResponseOneElement() {
        LatePublisher<HttpResponse<ByteBuffer<?>>> chunks = new LatePublisher<>();
        CappedBody.collect(URI.create("https://img.example/a.png"), 1000, chunks);
        LatePublisher<String> answers = new LatePublisher<>();
        FirstElement.of(answers);

        assertThat(chunks.subscribe().requested.get()).isEqualTo(Long.MAX_VALUE);
        assertThat(answers.subscribe().requested.get()).isEqualTo(1);
    }

    /** A publisher that hands out its subscription only when the test says so. */
    private static final class LatePublisher<T> implements Publisher<T> {
        private final AtomicReference<Subscriber<? super T>> subscriber = new AtomicReference<>();

        @Override
        public void subscribe(Subscriber<? super T> s) {
            subscriber.set(s);
        }

        RecordingSubscription subscribe() {
            RecordingSubscription subscription = new RecordingSubscription();
            subscriber.get().onSubscribe(subscription);
            return subscription;
        }
    }

    private static final class RecordingSubscription implements Subscription {
        private final AtomicLong requested = new AtomicLong();
        private volatile boolean cancelled;

        @Override
        public void request(long n) {
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
