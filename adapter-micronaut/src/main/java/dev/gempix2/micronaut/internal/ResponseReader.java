package dev.gempix2.micronaut.internal;

import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.wire.ExchangeFailures;
import dev.gempix2.core.wire.WireFormat;
import dev.gempix2.core.wire.WireResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what Micronaut's HTTP client produced (a response, or an error carrying one, or an I/O failure) into a
 * {@link WireResponse} for {@link WireFormat}, or into a {@link TransportException}.
 */
final class ResponseReader {
    private final JsonMapper json;

    ResponseReader(JsonMapper json) {
        this.json = json;
    }

    JsonMapper json() {
        return json;
    }

    /**
     * @param response an answer
     * @param requestId the {@code X-Request-Id} the request carried, or null (a download)
     * @return the response with its body parsed into plain Java values (or marked unparseable) and its headers
     */
    WireResponse read(HttpResponse<?> response, String requestId) {
        return read(response.code(), response.getHeaders().get(HttpHeaders.RETRY_AFTER),
                response.getHeaders().asMap(), response.getBody(byte[].class).orElse(null), requestId);
    }

    /**
     * @param status the answer's status
     * @param retryAfter its {@code Retry-After} header, or null
     * @param headers its headers
     * @param body its body, collected
     * @param requestId the {@code X-Request-Id} the request carried, or null
     * @return the answer parsed into plain Java values (or marked unparseable), with its headers
     */
    WireResponse read(int status, String retryAfter, Map<String, List<String>> headers, byte[] body,
                      String requestId) {
        return WireResponse.parse(status, body, retryAfter).withExchange(headers, requestId);
    }

    /**
     * An HTTP error status arrives as an exception that still carries the response: read it like a success
     * and let {@link WireFormat} map it. Anything else is an I/O failure.
     */
    CompletableFuture<WireResponse> recover(Throwable failure, String what, String requestId) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HttpClientResponseException withResponse) {
            return CompletableFuture.completedFuture(read(withResponse.getResponse(), requestId));
        }
        return CompletableFuture.failedFuture(failure(cause, what));
    }

    /** @return the {@link GemPix2Exception} to fail with: an HTTP error mapped by the wire rules, or an I/O error */
    GemPix2Exception failure(Throwable failure, String what) {
        Throwable cause = unwrap(failure);
        if (cause instanceof GemPix2Exception mapped) {
            return mapped;
        }
        if (cause instanceof HttpClientResponseException withResponse) {
            return WireFormat.error(read(withResponse.getResponse(), null));
        }
        if (ExchangeFailures.neverReachedServer(cause)) {
            return new TransportException("Could not connect to GemPix2 while " + what + ": " + cause.getMessage(),
                    false, cause);
        }
        if (cause instanceof ReadTimeoutException) {
            return new TransportException("GemPix2 did not answer in time while " + what
                    + " (tune micronaut.http.services.gempix2.read-timeout)", true, cause);
        }
        return new TransportException("I/O error while " + what + ": " + cause.getMessage(), true, cause);
    }

    /** @return the failure without its {@code CompletionException} and {@code ExecutionException} wrappers */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
