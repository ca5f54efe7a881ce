package dev.gempix2.core.wire;

import java.util.List;
import java.util.Map;

/**
 * An HTTP response as a transport hands it to {@link WireFormat}: the status, the body parsed by the
 * transport's own JSON library into plain Java values ({@code Map}, {@code List}, {@code String},
 * {@code Number}, {@code Boolean}, {@code null}), the {@code Retry-After} header, and (for errors a support desk
 * can use) the response's headers and the request id the request carried.
 *
 * @param status the HTTP status
 * @param parsed false when the body was not JSON (an HTML error page, truncated JSON, empty)
 * @param json the parsed body when {@code parsed}
 * @param retryAfter the raw {@code Retry-After} header, or null
 * @param headers the response's headers as {@link RequestIds#headersOf} keeps them (lower-case names, no
 *                cookies); empty when the transport gave none
 * @param sentRequestId the {@code X-Request-Id} the request carried, or null
 */
public record WireResponse(int status, boolean parsed, Object json, String retryAfter,
                           Map<String, List<String>> headers, String sentRequestId) {

    /**
     * Copies the headers, so that the record stays immutable.
     *
     * @param status the HTTP status
     * @param parsed false when the body was not JSON (an HTML error page, truncated JSON, empty)
     * @param json the parsed body when {@code parsed}
     * @param retryAfter the raw {@code Retry-After} header, or null
     * @param headers the response's headers as {@link RequestIds#headersOf} keeps them (lower-case names, no
     *                cookies); empty when the transport gave none
     * @param sentRequestId the {@code X-Request-Id} the request carried, or null
     */
    public WireResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /**
     * A response without headers or request id, as before transports reported them.
     *
     * @param status the HTTP status
     * @param parsed false when the body was not JSON
     * @param json the parsed body when {@code parsed}
     * @param retryAfter the raw {@code Retry-After} header, or null
     */
    public WireResponse(int status, boolean parsed, Object json, String retryAfter) {
        this(status, parsed, json, retryAfter, Map.of(), null);
    }

    /**
     * @param status the HTTP status
     * @param json the body as plain Java values
     * @param retryAfter the raw {@code Retry-After} header, or null
     * @return a response whose body was JSON
     */
    public static WireResponse json(int status, Object json, String retryAfter) {
        return new WireResponse(status, true, json, retryAfter);
    }

    /**
     * Reads an answer's body with {@link JsonText}, the one reader every transport shares.
     *
     * @param status the HTTP status
     * @param body the raw body; empty or null for none
     * @param retryAfter the raw {@code Retry-After} header, or null
     * @return a response whose body was JSON, or one marked unparseable (empty, HTML, truncated, trailing text)
     */
    public static WireResponse parse(int status, byte[] body, String retryAfter) {
        if (body == null || body.length == 0) {
            return unparseable(status, retryAfter);
        }
        try {
            return json(status, JsonText.parse(body), retryAfter);
        } catch (IllegalArgumentException notJson) {
            return unparseable(status, retryAfter);
        }
    }

    /**
     * @param status the HTTP status
     * @param retryAfter the raw {@code Retry-After} header, or null
     * @return a response whose body could not be parsed as JSON
     */
    public static WireResponse unparseable(int status, String retryAfter) {
        return new WireResponse(status, false, null, retryAfter);
    }

    /**
     * @param responseHeaders the response's headers, any case, cookies included (they are dropped here)
     * @param requestId the {@code X-Request-Id} the request carried, or null
     * @return this response with its headers and the request's id
     */
    public WireResponse withExchange(Map<String, List<String>> responseHeaders, String requestId) {
        return new WireResponse(status, parsed, json, retryAfter, RequestIds.headersOf(responseHeaders), requestId);
    }

    /** @return true for a 2xx status */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }
}
