package dev.gempix2.micronaut.internal;

import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.wire.WireResponse;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;

/**
 * Collects an API answer from a streamed exchange. The API's answers are small, but streaming is what lets a
 * cancellation (a call's deadline) abort the exchange and close its connection: Micronaut's aggregating
 * {@code exchange} keeps a cancelled connection busy until the answer is complete, so a silent server would
 * exhaust the pool.
 */
final class StreamedAnswer extends FutureSubscriber<HttpResponse<ByteBuffer<?>>, WireResponse> {
    /** The largest API answer read; the API's are a few kilobytes. */
    static final int MAX_BYTES = 1024 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ResponseReader reader;
    private final String requestId;
    private int status = -1;
    private String retryAfter;
    private Map<String, List<String>> headers = Map.of();

    private StreamedAnswer(ResponseReader reader, String requestId) {
        super(Long.MAX_VALUE);
        this.reader = reader;
        this.requestId = requestId;
    }

    /**
     * @param reader parses the collected body
     * @param chunks the streamed exchange
     * @param requestId the {@code X-Request-Id} the request carried
     * @return the answer, whatever its status (an error status may also arrive as the publisher's error)
     */
    static CompletableFuture<WireResponse> collect(ResponseReader reader,
                                                   Publisher<HttpResponse<ByteBuffer<?>>> chunks, String requestId) {
        return new StreamedAnswer(reader, requestId).subscribeTo(chunks);
    }

    @Override
    public void onNext(HttpResponse<ByteBuffer<?>> chunk) {
        if (future.isDone()) {
            return;
        }
        if (status < 0) {
            status = chunk.code();
            retryAfter = chunk.getHeaders().get(HttpHeaders.RETRY_AFTER);
            headers = chunk.getHeaders().asMap();
        }
        ByteBuffer<?> buffer = chunk.body();
        int size = buffer == null ? 0 : buffer.readableBytes();
        if ((long) bytes.size() + size > MAX_BYTES) {
            cancelExchange();
            future.completeExceptionally(new ResponseTooLargeException("GemPix2's answer is larger than the limit of "
                    + MAX_BYTES + " bytes; reading stopped there. The API never sends such answers; check the base "
                    + "URL.", MAX_BYTES));
            return;
        }
        if (buffer != null) {
            bytes.writeBytes(buffer.toByteArray());
        }
    }

    @Override
    public void onComplete() {
        future.complete(reader.read(Math.max(status, 0), retryAfter, headers, bytes.toByteArray(), requestId));
    }
}
