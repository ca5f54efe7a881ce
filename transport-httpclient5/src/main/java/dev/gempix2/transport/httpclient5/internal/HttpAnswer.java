package dev.gempix2.transport.httpclient5.internal;

import dev.gempix2.core.wire.DownloadRules;
import dev.gempix2.core.wire.WireResponse;
import java.io.IOException;

/**
 * One HTTP response, fully read: what {@link BoundedBodyConsumer} hands back.
 *
 * @param status the HTTP status
 * @param body the body's bytes (for an error status, possibly only its beginning)
 * @param retryAfter the {@code Retry-After} header, or null
 * @param location the {@code Location} header, or null
 */
public record HttpAnswer(int status, byte[] body, String retryAfter, String location) {

    /** @return true for a 2xx status */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** @return true for a redirect status a download follows (its Location may still be missing) */
    public boolean isRedirect() {
        return DownloadRules.isRedirect(status);
    }

    /**
     * The answer as core's {@code WireFormat} reads it: the body parsed to plain values, or marked unparseable
     * (empty, HTML, truncated).
     *
     * @return the wire response
     */
    public WireResponse toWireResponse() {
        if (body.length == 0) {
            return WireResponse.unparseable(status, retryAfter);
        }
        try {
            return WireResponse.json(status, JsonCodec.read(body), retryAfter);
        } catch (IOException notJson) {
            return WireResponse.unparseable(status, retryAfter);
        }
    }
}
