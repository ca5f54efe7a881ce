package dev.gempix2.core.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An error answered by the GemPix2 API: an HTTP status of 400 or above, or a 200 whose body's {@code code}
 * is not 0. Subclasses name the common cases; this class itself covers the rest.
 *
 * <p>{@link #providerMessage()} and {@link #detail()} are the body's {@code message} and {@code detail}
 * fields as the provider sent them. For a support desk, {@link #requestId()} is the provider's id for the request
 * (from its request-id header) or else the id the request carried as {@code X-Request-Id}; it is also at the end
 * of {@link #getMessage()}. {@link #responseHeaders()} holds the answer's headers without cookies.
 */
public class ApiException extends GemPix2Exception {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int code;
    private final String providerMessage;
    private final String detail;
    private Duration retryAfter;
    private String requestId;
    private Map<String, List<String>> responseHeaders = Map.of();

    /**
     * @param message the exception's message, for a person
     * @param httpStatus the HTTP status, or 0 when nothing was sent
     * @param code the body's {@code code}, or -1 when absent
     * @param providerMessage the body's {@code message}, may be null
     * @param detail the body's {@code detail}, may be null
     */
    public ApiException(String message, int httpStatus, int code, String providerMessage, String detail) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.providerMessage = providerMessage;
        this.detail = detail;
    }

    /**
     * @param message the exception's message, for a person
     * @param httpStatus the HTTP status, or 0 when nothing was sent
     * @param code the body's {@code code}, or -1 when absent
     * @param providerMessage the body's {@code message}, may be null
     * @param detail the body's {@code detail}, may be null
     * @param retryAfter the wait the answer's {@code Retry-After} asked for, may be null
     */
    protected ApiException(String message, int httpStatus, int code, String providerMessage, String detail,
                           Duration retryAfter) {
        this(message, httpStatus, code, providerMessage, detail);
        this.retryAfter = retryAfter;
    }

    /**
     * Adds what the answer said about itself; transports (through core's wire rules) call it once, right after
     * building the exception.
     *
     * @param requestId the provider's request id, or the one the request carried; may be null
     * @param headers the answer's headers without cookies; may be null
     * @param retryAfter the wait its {@code Retry-After} asked for; null keeps the one given on construction
     * @return this exception
     */
    public ApiException withResponse(String requestId, Map<String, List<String>> headers, Duration retryAfter) {
        this.requestId = requestId;
        this.responseHeaders = headers == null ? Map.of() : Map.copyOf(headers);
        if (retryAfter != null) {
            this.retryAfter = retryAfter;
        }
        return this;
    }

    /** @return the provider's id for the failed request, else the id the request carried as X-Request-Id */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return the answer's headers (lower-case names, cookies left out); empty when nothing was answered */
    public Map<String, List<String>> responseHeaders() {
        return responseHeaders;
    }

    /** @return the wait the answer asked for in {@code Retry-After}, when it sent one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return the message, ending with the request id when there is one (quote it to support) */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return requestId == null ? message : message + " [request id " + requestId + "]";
    }

    /** @return the HTTP status of the response, or 0 for an error raised before anything was sent */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the {@code code} field of the response body, or -1 when the body had none */
    public int code() {
        return code;
    }

    /** @return the {@code message} field of the response body, when present */
    public Optional<String> providerMessage() {
        return Optional.ofNullable(providerMessage);
    }

    /** @return the {@code detail} field of the response body, when present */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /**
     * Builds the message shared by all API errors: what happened, then the provider's own words.
     *
     * @param summary what happened, for a person
     * @param httpStatus the HTTP status
     * @param providerMessage the body's {@code message}, may be null
     * @param detail the body's {@code detail}, may be null
     * @return one line such as {@code "Invalid request (HTTP 400): failed: prompt is required"}
     */
    protected static String describe(String summary, int httpStatus, String providerMessage, String detail) {
        StringBuilder text = new StringBuilder(summary);
        if (httpStatus > 0) {
            text.append(" (HTTP ").append(httpStatus).append(')');
        }
        if (providerMessage != null && !providerMessage.isBlank()) {
            text.append(": ").append(providerMessage);
        }
        if (detail != null && !detail.isBlank()) {
            text.append(providerMessage == null ? ": " : " - ").append(detail);
        }
        return text.toString();
    }
}
