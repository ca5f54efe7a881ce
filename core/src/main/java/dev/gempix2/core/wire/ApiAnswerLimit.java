package dev.gempix2.core.wire;

import dev.gempix2.core.error.ResponseTooLargeException;

/**
 * The one cap on the size of an API answer (a submit's or a query's JSON), the same on every transport: 64 MiB,
 * room for a result holding whole images as base64 {@code data:} URIs. An answer past it fails with a
 * {@link ResponseTooLargeException} as soon as the cap is passed (or at once, when its {@code Content-Length}
 * says so); the API never sends such answers, so it usually means a wrong base URL.
 */
public final class ApiAnswerLimit {
    /** The largest API answer read, in bytes: 64 MiB. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private ApiAnswerLimit() {
    }

    /**
     * @param action what was sent, e.g. {@code POST https://api.defapi.org/api/image/gen}
     * @param contentLength the answer's declared {@code Content-Length}, or a negative number when the body itself
     *                      passed the cap
     * @return the failure every transport reports
     */
    public static ResponseTooLargeException tooLarge(String action, long contentLength) {
        String declared = contentLength < 0 ? "" : " (its Content-Length is " + contentLength + ")";
        return new ResponseTooLargeException("GemPix2's answer to " + action + " is larger than the limit of "
                + MAX_BYTES + " bytes" + declared + "; reading stopped there. The API never sends such answers; "
                + "check the base URL.", MAX_BYTES);
    }
}
