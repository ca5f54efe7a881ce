package dev.gempix2.core.error;

import java.time.Duration;

/** HTTP 429: too many requests. {@link #retryAfter()} carries the provider's {@code Retry-After}, if any. */
public class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param code the body's {@code code}, or -1
     * @param providerMessage the body's {@code message}, may be null
     * @param detail the body's {@code detail}, may be null
     * @param retryAfter how long the provider asked us to wait, may be null
     */
    public RateLimitedException(int code, String providerMessage, String detail, Duration retryAfter) {
        super(describe("GemPix2 is rate limiting this key", 429, providerMessage, detail),
                429, code, providerMessage, detail, retryAfter);
    }
}
