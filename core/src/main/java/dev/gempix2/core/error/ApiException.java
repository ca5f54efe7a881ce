package dev.gempix2.core.error;

import java.util.Optional;

/**
 * An error answered by the GemPix2 API: an HTTP status of 400 or above, or a 200 whose body's {@code code}
 * is not 0. Subclasses name the common cases; this class itself covers the rest.
 *
 * <p>{@link #providerMessage()} and {@link #detail()} are the body's {@code message} and {@code detail}
 * fields as the provider sent them.
 */
public class ApiException extends GemPix2Exception {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int code;
    private final String providerMessage;
    private final String detail;

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
