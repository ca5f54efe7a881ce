package dev.gempix2.transport.httpclient5.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Reads a response into memory with a hard size cap, as the bytes arrive: a successful body that passes
 * {@code maxBytes} aborts the exchange at once (declared too large by {@code Content-Length}, before a byte
 * is read), so an endless or huge body costs at most {@code maxBytes} of heap. An error body only matters for
 * its first bytes (the provider's JSON, or the start of an HTML page): it is cut at {@value #ERROR_BODY_LIMIT}
 * bytes and the connection dropped rather than read to the end.
 *
 * <p>One instance per exchange; the I/O reactor calls it from one thread at a time.
 */
public final class BoundedBodyConsumer implements AsyncResponseConsumer<HttpAnswer> {
    static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final long maxBytes;
    private final LongFunction<String> tooLargeMessage;
    private final AtomicBoolean done = new AtomicBoolean();
    private FutureCallback<HttpAnswer> resultCallback;
    private BodyBuffer buffer;
    private long limit;
    private boolean cutAtLimit;
    private int status;
    private String retryAfter;
    private String location;
    private Map<String, List<String>> headers = Map.of();

    /**
     * @param maxBytes the largest successful body accepted
     * @param tooLargeMessage the message for a successful body past {@code maxBytes}, given its declared
     *                        {@code Content-Length} when that was the reason, or -1 when the body itself was
     */
    public BoundedBodyConsumer(long maxBytes, LongFunction<String> tooLargeMessage) {
        this.maxBytes = maxBytes;
        this.tooLargeMessage = tooLargeMessage;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
                                FutureCallback<HttpAnswer> callback) throws IOException {
        status = response.getCode();
        retryAfter = headerValue(response, "Retry-After");
        location = headerValue(response, "Location");
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            all.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        headers = all;
        boolean success = status >= 200 && status < 300;
        limit = success ? maxBytes : ERROR_BODY_LIMIT;
        cutAtLimit = !success;
        resultCallback = callback;
        if (entity == null) {
            complete(new byte[0]);
            return;
        }
        long declared = entity.getContentLength();
        if (success && declared > maxBytes) {
            throw tooLarge(declared);
        }
        buffer = new BodyBuffer(declared, limit);
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing we use.
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        // The cap is enforced per chunk in consume(), so the reactor may hand over data as fast as it comes.
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        if (done.get() || buffer == null) {
            src.position(src.limit());
            return;
        }
        long room = limit - buffer.size();
        int length = src.remaining();
        if (length > room) {
            if (!cutAtLimit) {
                src.position(src.limit());
                throw tooLarge(-1);
            }
            copy(src, (int) room);
            complete(buffer.toBytes());
            // Reading the rest of an error page would only cost time: drop the connection instead.
            throw new BodyTooLargeException("error body cut at " + ERROR_BODY_LIMIT + " bytes", ERROR_BODY_LIMIT);
        }
        copy(src, length);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        complete(buffer == null ? new byte[0] : buffer.toBytes());
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
    }

    @Override
    public void releaseResources() {
        buffer = null;
    }

    private void copy(ByteBuffer src, int length) {
        buffer.append(src, length);
        src.position(src.limit());
    }

    private void complete(byte[] body) {
        if (done.compareAndSet(false, true)) {
            resultCallback.completed(new HttpAnswer(status, body, retryAfter, location, headers));
        }
    }

    private BodyTooLargeException tooLarge(long declaredLength) {
        return new BodyTooLargeException(tooLargeMessage.apply(declaredLength), maxBytes);
    }

    private static String headerValue(HttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }
}
