package dev.gempix2.transport.httpclient5.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of one response body as they arrive, copied once: straight from the reactor's buffers into an array
 * sized by {@code Content-Length} when the server declared one (so an 8 MiB image costs 8 MiB, not the 30 or so
 * of a growing {@code ByteArrayOutputStream}, its chunk copies and its final copy), doubling from 8 KiB when it
 * did not. Never grows past its limit: the caller checks room before appending. Not thread-safe (one exchange).
 */
final class BodyBuffer {
    private static final int UNKNOWN_LENGTH_START = 8 * 1024;

    private final long limit;
    private byte[] bytes;
    private int size;

    /**
     * @param declared the body's {@code Content-Length}, or a negative number when unknown
     * @param limit the most bytes this buffer will hold
     */
    BodyBuffer(long declared, long limit) {
        this.limit = limit;
        long initial = declared >= 0 ? declared : UNKNOWN_LENGTH_START;
        this.bytes = new byte[(int) Math.min(initial, Math.min(limit, Integer.MAX_VALUE - 8))];
    }

    /** @return the bytes held so far */
    int size() {
        return size;
    }

    /**
     * @param src where to read from, at its position
     * @param length how many bytes to take; at most the room left under the limit
     */
    void append(ByteBuffer src, int length) {
        if (size + length > bytes.length) {
            long grown = Math.max((long) size + length, Math.max(2L * bytes.length, UNKNOWN_LENGTH_START));
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, Math.min(limit, Integer.MAX_VALUE - 8)));
        }
        src.get(bytes, size, length);
        size += length;
    }

    /** @return the body: the array itself when it is full, as with a correct {@code Content-Length} */
    byte[] toBytes() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
