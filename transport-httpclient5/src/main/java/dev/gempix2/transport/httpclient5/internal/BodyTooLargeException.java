package dev.gempix2.transport.httpclient5.internal;

import java.io.IOException;

/** Thrown inside the I/O pipeline to abort a body that passed its size limit; mapped to a TransportException. */
public final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what was too large, and the limit */
    public BodyTooLargeException(String message) {
        super(message);
    }
}
