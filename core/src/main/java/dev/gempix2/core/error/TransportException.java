package dev.gempix2.core.error;

/**
 * The exchange itself failed: connection refused or dropped, a timeout, a redirect or size limit broken, or
 * a response body that is not the JSON the API promises (an HTML error page, truncated JSON).
 *
 * <p>{@link #requestMayHaveReachedServer()} tells whether the server may have received and acted on the request;
 * a submit is retried only when it cannot have, since a second task costs credits.
 */
public class TransportException extends GemPix2Exception {
    private static final long serialVersionUID = 1L;

    private final boolean requestMayHaveReachedServer;

    /**
     * @param message what failed, for a person
     * @param requestMayHaveReachedServer false only when the request certainly never reached the server
     *                                    (connection refused, connect timeout, unknown host)
     * @param cause the underlying failure, may be null
     */
    public TransportException(String message, boolean requestMayHaveReachedServer, Throwable cause) {
        super(message, cause);
        this.requestMayHaveReachedServer = requestMayHaveReachedServer;
    }

    /**
     * A failure after the request may have reached the server (the safe default).
     *
     * @param message what failed
     * @param cause the underlying failure, may be null
     */
    public TransportException(String message, Throwable cause) {
        this(message, true, cause);
    }

    /** @return true unless the request certainly never reached the server */
    public boolean requestMayHaveReachedServer() {
        return requestMayHaveReachedServer;
    }
}
