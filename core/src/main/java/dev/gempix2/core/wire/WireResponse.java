package dev.gempix2.core.wire;

/**
 * An HTTP response as a transport hands it to {@link WireFormat}: the status, the body parsed by the
 * transport's own JSON library into plain Java values ({@code Map}, {@code List}, {@code String},
 * {@code Number}, {@code Boolean}, {@code null}), and the {@code Retry-After} header.
 *
 * @param status the HTTP status
 * @param parsed false when the body was not JSON (an HTML error page, truncated JSON, empty)
 * @param json the parsed body when {@code parsed}
 * @param retryAfter the raw {@code Retry-After} header, or null
 */
public record WireResponse(int status, boolean parsed, Object json, String retryAfter) {

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
     * @param status the HTTP status
     * @param retryAfter the raw {@code Retry-After} header, or null
     * @return a response whose body could not be parsed as JSON
     */
    public static WireResponse unparseable(int status, String retryAfter) {
        return new WireResponse(status, false, null, retryAfter);
    }

    /** @return true for a 2xx status */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }
}
