package dev.gempix2.transport.httpclient5.internal;

import java.io.IOException;

/** Thrown inside the I/O pipeline to abort a body that passed its size limit; mapped to a TransportException. */
public final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * @param message what was too large, and the limit
     * @param limit the limit in bytes
     */
    public BodyTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** @return the limit that was passed, in bytes */
    public long limit() {
        return limit;
    }
}
