package dev.gempix2.core.internal;

import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.wire.AsyncFailures;

/** Turns whatever a future failed with into the {@link GemPix2Exception} the user is promised. */
public final class Failures {
    private Failures() {
    }

    /**
     * @param failure what a future failed with, possibly wrapped
     * @return the failure itself when it is a {@link GemPix2Exception}; otherwise one that wraps it
     */
    public static GemPix2Exception unwrap(Throwable failure) {
        Throwable cause = AsyncFailures.unwrap(failure);
        if (cause instanceof GemPix2Exception known) {
            return known;
        }
        // A port implementation broke its contract (it should only fail with GemPix2Exception).
        return new GemPix2Exception("GemPix2 call failed unexpectedly: " + cause, cause);
    }

    /**
     * @param failure an exception
     * @return a one-line description for a log: for API errors the HTTP status, code, message, detail
     *         and request id
     */
    public static String describe(GemPix2Exception failure) {
        if (failure instanceof ApiException api) {
            return failure.getClass().getSimpleName() + " [httpStatus=" + api.httpStatus() + ", code=" + api.code()
                    + ", message=" + api.providerMessage().orElse("(none)")
                    + ", detail=" + api.detail().orElse("(none)")
                    + api.requestId().map(id -> ", requestId=" + id).orElse("") + "]";
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
