package dev.gempix2.core.error;

/**
 * A response body passed the size accepted for it (for images, {@code maxDownloadBytes}, 32 MiB by default).
 * The exchange was aborted as soon as the limit was passed. Not retried: the same URL would serve the same
 * body again.
 */
public class ResponseTooLargeException extends TransportException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * @param message what was too large and how to accept it, for a person (name a URL without its query
     *                string, which may hold a signature)
     * @param limit the largest body accepted, in bytes
     */
    public ResponseTooLargeException(String message, long limit) {
        super(message, true, null);
        this.limit = limit;
    }

    /** @return the largest body that was accepted, in bytes */
    public long limit() {
        return limit;
    }
}
