package dev.gempix2.micronaut.internal;

import dev.gempix2.core.wire.ApiAnswerLimit;
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
    /** The largest API answer read, the same on every transport. */
    static final int MAX_BYTES = ApiAnswerLimit.MAX_BYTES;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ResponseReader reader;
    private final String requestId;
    private final String what;
    private int status = -1;
    private String retryAfter;
    private Map<String, List<String>> headers = Map.of();

    private StreamedAnswer(ResponseReader reader, String requestId, String what) {
        super(Long.MAX_VALUE);
        this.reader = reader;
        this.requestId = requestId;
        this.what = what;
    }

    /**
     * @param reader parses the collected body
     * @param chunks the streamed exchange
     * @param requestId the {@code X-Request-Id} the request carried
     * @param what the request, for a message, e.g. {@code POST /api/image/gen}
     * @return the answer, whatever its status (an error status may also arrive as the publisher's error)
     */
    static CompletableFuture<WireResponse> collect(ResponseReader reader,
                                                   Publisher<HttpResponse<ByteBuffer<?>>> chunks, String requestId,
                                                   String what) {
        return new StreamedAnswer(reader, requestId, what).subscribeTo(chunks);
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
            long declared = chunk.getHeaders().contentLength().orElse(-1);
            if (declared > MAX_BYTES) {
                cancelExchange();
                future.completeExceptionally(ApiAnswerLimit.tooLarge(what, declared));
                return;
            }
        }
        ByteBuffer<?> buffer = chunk.body();
        int size = buffer == null ? 0 : buffer.readableBytes();
        if ((long) bytes.size() + size > MAX_BYTES) {
            cancelExchange();
            future.completeExceptionally(ApiAnswerLimit.tooLarge(what, -1));
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
