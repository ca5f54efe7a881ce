package dev.gempix2.core.error;

import java.util.Optional;

/**
 * The request is not valid: found by the client before sending ({@link #httpStatus()} 0, {@link #field()}
 * names the wire field at fault, such as {@code prompt} or {@code images}), or answered with HTTP 400 by the
 * provider ({@link #detail()} holds its reason). Also thrown for a malformed callback body.
 */
public class InvalidRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final String field;

    private InvalidRequestException(String message, int httpStatus, int code, String providerMessage,
                                    String detail, String field) {
        super(message, httpStatus, code, providerMessage, detail);
        this.field = field;
    }

    /**
     * An error found before anything was sent.
     *
     * @param field the wire name of the field at fault ({@code prompt}, {@code images}, {@code model}, ...)
     * @param problem what is wrong with it
     * @return the exception, with message {@code "<field>: <problem>"}
     */
    public static InvalidRequestException ofField(String field, String problem) {
        return new InvalidRequestException(field + ": " + problem, 0, -1, null, problem, field);
    }

    /**
     * An HTTP 400 answered by the provider.
     *
     * @param code the body's {@code code}, or -1
     * @param providerMessage the body's {@code message}, may be null
     * @param detail the body's {@code detail}, may be null
     * @return the exception
     */
    public static InvalidRequestException rejected(int code, String providerMessage, String detail) {
        return new InvalidRequestException(describe("Request rejected by GemPix2", 400, providerMessage, detail),
                400, code, providerMessage, detail, null);
    }

    /** @return the wire name of the field at fault, when the client found the error itself */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
