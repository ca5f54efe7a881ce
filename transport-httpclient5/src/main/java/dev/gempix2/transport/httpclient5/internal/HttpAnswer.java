package dev.gempix2.transport.httpclient5.internal;

import dev.gempix2.core.wire.DownloadRules;
import dev.gempix2.core.wire.WireResponse;
import java.util.List;
import java.util.Map;

/**
 * One HTTP response, fully read: what {@link BoundedBodyConsumer} hands back.
 *
 * @param status the HTTP status
 * @param body the body's bytes (for an error status, possibly only its beginning)
 * @param retryAfter the {@code Retry-After} header, or null
 * @param location the {@code Location} header, or null
 * @param headers every header of the answer, as received
 */
public record HttpAnswer(int status, byte[] body, String retryAfter, String location,
                         Map<String, List<String>> headers) {

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
     * (empty, HTML, truncated), with its headers and the id the request carried.
     *
     * @param requestId the {@code X-Request-Id} the request carried, or null (a download)
     * @return the wire response
     */
    public WireResponse toWireResponse(String requestId) {
        return parsedBody().withExchange(headers, requestId);
    }

    private WireResponse parsedBody() {
        return WireResponse.parse(status, body, retryAfter);
    }
}
