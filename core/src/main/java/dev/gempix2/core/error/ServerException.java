package dev.gempix2.core.error;

import java.time.Duration;

/** HTTP 5xx: the provider (or a proxy in front of it) failed. Retried for queries and downloads. */
public class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param httpStatus the status, 500 to 599
     * @param code the body's {@code code}, or -1
     * @param providerMessage the body's {@code message}, may be null
     * @param detail the body's {@code detail}, may be null
     * @param retryAfter the {@code Retry-After} the server sent (a 503 may), may be null
     */
    public ServerException(int httpStatus, int code, String providerMessage, String detail, Duration retryAfter) {
        super(describe("GemPix2 server error", httpStatus, providerMessage, detail),
                httpStatus, code, providerMessage, detail, retryAfter);
    }
}
