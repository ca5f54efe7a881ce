package dev.gempix2.quarkus.internal;

import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.wire.ExchangeFailures;

/** Maps what the REST Client fails with to core's exceptions. */
final class TransportFailures {

    private TransportFailures() {
    }

    /**
     * @param failure what the exchange failed with
     * @return a core exception found in the cause chain, or a {@code TransportException} that says whether the
     *         request may have reached the server (false only for connect failures)
     */
    static GemPix2Exception toGemPix2(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof GemPix2Exception mapped) {
                return mapped;
            }
        }
        if (ExchangeFailures.neverReachedServer(failure)) {
            return new TransportException("could not connect to GemPix2: " + describe(failure), false, failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isConnectTimeout(cause)) {
                return new TransportException("could not connect to GemPix2: " + describe(cause), false, failure);
            }
        }
        return new TransportException("the exchange with GemPix2 failed: " + describe(failure), true, failure);
    }

    private static boolean isConnectTimeout(Throwable cause) {
        // Matched by name to keep Netty and Vert.x off our imports, whichever of their connect timeouts it is.
        return cause.getClass().getName().endsWith("ConnectTimeoutException");
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
