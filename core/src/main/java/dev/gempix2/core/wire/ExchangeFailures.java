package dev.gempix2.core.wire;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * Which I/O failures prove that a request never reached the server, shared by every transport: a submit is
 * retried only then, since a second task costs credits. A transport adds the failures only its HTTP library
 * throws before sending (such as a pool's lease timeout). Stateless and thread-safe.
 *
 * <pre>{@code
 * new TransportException("Could not connect to GemPix2", !ExchangeFailures.neverReachedServer(failure), failure);
 * }</pre>
 */
public final class ExchangeFailures {
    // Far deeper than any real cause chain; stops a chain that loops back on itself.
    private static final int MAX_CAUSES = 32;
    // Named, not imported: core depends on java.* only, and a TLS handshake failure is known by its class name.
    private static final String TLS_HANDSHAKE_FAILURE = "javax.net.ssl.SSLHandshakeException";

    private ExchangeFailures() {
    }

    /**
     * @param failure what an exchange failed with, possibly wrapped (e.g. in a {@code CompletionException})
     * @return true when some cause in its chain is a failure to connect: connection refused or timed out
     *         ({@link ConnectException}), unknown host, no route to host, or a failed TLS handshake
     */
    public static boolean neverReachedServer(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || isTlsHandshakeFailure(cause)) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    private static boolean isTlsHandshakeFailure(Throwable cause) {
        for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(TLS_HANDSHAKE_FAILURE)) {
                return true;
            }
        }
        return false;
    }
}
