package dev.gempix2.micronaut.internal;

import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.wire.DownloadRules;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;

/**
 * Collects a streamed response body, failing (and cancelling the exchange) as soon as it passes a size cap, so
 * that a huge or endless body never fills the heap. Copies each chunk while it is handed over, since Micronaut
 * releases the chunk's buffer right after.
 */
final class CappedBody extends FutureSubscriber<HttpResponse<ByteBuffer<?>>, byte[]> {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final URI url;
    private final long maxBytes;

    private CappedBody(URI url, long maxBytes) {
        super(Long.MAX_VALUE);
        this.url = url;
        this.maxBytes = maxBytes;
    }

    /**
     * @param url the URL fetched, for messages
     * @param maxBytes the largest body accepted
     * @param chunks the streamed exchange
     * @return the whole body, or a {@link TransportException} once it passes {@code maxBytes}
     */
    static CompletableFuture<byte[]> collect(URI url, long maxBytes, Publisher<HttpResponse<ByteBuffer<?>>> chunks) {
        return new CappedBody(url, maxBytes).subscribeTo(chunks);
    }

    @Override
    public void onNext(HttpResponse<ByteBuffer<?>> chunk) {
        if (future.isDone()) {
            return;
        }
        long declared = chunk.getHeaders().contentLength().orElse(-1);
        ByteBuffer<?> buffer = chunk.body();
        int size = buffer == null ? 0 : buffer.readableBytes();
        if (declared > maxBytes || (long) bytes.size() + size > maxBytes) {
            cancelExchange();
            future.completeExceptionally(DownloadRules.tooLarge(url, maxBytes, declared > maxBytes ? declared : -1));
            return;
        }
        if (buffer != null) {
            bytes.writeBytes(buffer.toByteArray());
        }
    }

    @Override
    public void onComplete() {
        future.complete(bytes.toByteArray());
    }
}
