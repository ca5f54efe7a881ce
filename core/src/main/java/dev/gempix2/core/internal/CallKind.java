package dev.gempix2.core.internal;

import dev.gempix2.core.RetryPolicy;
import dev.gempix2.core.error.ApiException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.RateLimitedException;
import dev.gempix2.core.error.RedirectRefusedException;
import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TransportException;

/** The kinds of remote call, and which of their failures are worth another attempt. */
public enum CallKind {
    /** {@code POST /api/image/gen}: a second attempt may create (and bill) a second task. */
    SUBMIT("submit"),
    /** {@code GET /api/task/query}: idempotent. */
    QUERY("query"),
    /** An image download: idempotent. */
    DOWNLOAD("download");

    private final String label;

    CallKind(String label) {
        this.label = label;
    }

    /** @return a short name for log lines */
    public String label() {
        return label;
    }

    /**
     * @param failure what the attempt failed with
     * @param policy the retry policy (for {@code retryAmbiguousSubmits})
     * @return true when another attempt is allowed
     */
    public boolean isRetryable(GemPix2Exception failure, RetryPolicy policy) {
        boolean worthRetrying = (failure instanceof TransportException
                && !(failure instanceof ResponseTooLargeException) && !(failure instanceof RedirectRefusedException))
                || failure instanceof RateLimitedException || failure instanceof ServerException;
        if (this != SUBMIT || !worthRetrying) {
            return worthRetrying;
        }
        return policy.retryAmbiguousSubmits() || cannotHaveCreatedTask(failure);
    }

    /**
     * @param failure what a submit finally failed with
     * @return true when the provider certainly created no task: it answered with an error of its own (4xx,
     *         or a 200 with an error code), a gateway refused (502, 503), or the request never left
     */
    public static boolean submitCertainlyCreatedNoTask(GemPix2Exception failure) {
        if (failure instanceof ApiException && !(failure instanceof ServerException)) {
            return true;
        }
        return (failure instanceof TransportException || failure instanceof ServerException)
                && cannotHaveCreatedTask(failure);
    }

    private static boolean cannotHaveCreatedTask(GemPix2Exception failure) {
        if (failure instanceof TransportException transport) {
            return !transport.requestMayHaveReachedServer();
        }
        if (failure instanceof ServerException server) {
            // A gateway that could not reach the API (502) or an overloaded one (503) rejected the request
            // before the API saw it; a 500 or 504 may have come after the task was created.
            return server.httpStatus() == 502 || server.httpStatus() == 503;
        }
        return failure instanceof RateLimitedException;
    }
}
