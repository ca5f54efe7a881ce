package dev.gempix2.transport.httpclient5.internal;

import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.wire.AsyncFailures;
import dev.gempix2.core.wire.ExchangeFailures;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.ConnectionShutdownException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.util.DeadlineTimeoutException;

/**
 * Turns an I/O failure into the {@link TransportException} core expects, deciding whether the request may have
 * reached the server: it certainly did not when the failure happened while connecting (unknown host, refused,
 * connect timeout, TLS handshake, no pooled connection in time) or before the body was asked for.
 */
public final class TransportFailures {

    private TransportFailures() {
    }

    /**
     * @param failure what the HTTP client reported
     * @param action the call, for the message, e.g. {@code "POST http://host/api/image/gen"}
     * @param bodyNeverSent true when the request had a body that the connection never asked for
     * @return the exception to complete the future with
     */
    public static GemPix2Exception map(Throwable failure, String action, boolean bodyNeverSent) {
        Throwable cause = AsyncFailures.unwrap(failure);
        if (cause instanceof GemPix2Exception mapped) {
            return mapped;
        }
        if (cause instanceof BodyTooLargeException tooLarge) {
            return new ResponseTooLargeException(tooLarge.getMessage(), tooLarge.limit());
        }
        String reason = describe(cause);
        boolean beforeSending = isConnectPhase(cause) || bodyNeverSent;
        String tail = beforeSending ? " (the request was not sent)" : "";
        return new TransportException(action + " failed: " + reason + tail, !beforeSending, cause);
    }

    private static boolean isConnectPhase(Throwable cause) {
        // Core knows the JDK's connect failures; these are HttpClient 5's own, all thrown before sending.
        return ExchangeFailures.neverReachedServer(cause)
                || cause instanceof ConnectTimeoutException
                || cause instanceof RequestNotExecutedException
                || cause instanceof DeadlineTimeoutException
                || cause instanceof ConnectionShutdownException;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof UnknownHostException) {
            return "unknown host " + cause.getMessage();
        }
        if (cause instanceof ConnectTimeoutException) {
            return "could not connect in time (" + cause.getMessage() + ")";
        }
        if (cause instanceof ConnectException) {
            return "connection refused (" + cause.getMessage() + ")";
        }
        if (cause instanceof SocketTimeoutException) {
            return "no answer in time (" + cause.getMessage() + ")";
        }
        if (cause instanceof ConnectionClosedException) {
            return "the connection was closed before the answer was complete";
        }
        if (cause instanceof CancellationException) {
            return "cancelled (the transport was closed)";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
