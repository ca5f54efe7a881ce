package dev.gempix2.quarkus.internal;

import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.wire.DownloadRules;
import dev.gempix2.core.wire.WireFormat;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ImageDownloader} over the Quarkus REST Client. Follows redirects as core's {@link DownloadRules} say (at
 * most {@value DownloadRules#MAX_REDIRECTS}, only to http(s)) and sends no API key, not even to the API's own
 * origin. The size cap is checked against {@code Content-Length} before the body is read and against the body
 * itself; the REST Client buffers a response before handing it over, so a server that lies about its length is
 * caught once the body has arrived.
 *
 * <p>The REST Client's read timeout covers only the wait for the headers: a server that sends them and part of
 * the body and then stalls would hold the download forever. So each hop (the first request and every redirect)
 * gets a deadline of the response timeout for its headers and whole body together; when it passes, the
 * exchange is cancelled, which resets the HTTP request and so releases its connection, and the download fails
 * with a {@link TransportException} that says the request may have reached the server. The deadline bounds the
 * whole body, not the gap between two chunks, because the REST Client hands over a response only once it has
 * buffered it: a body that takes longer than the timeout to arrive fails even if it is still coming.
 */
public final class RestClientImageDownloader implements ImageDownloader, AutoCloseable {
    private final GemPix2RestApi api;
    private final boolean ownsApi;
    private final Duration responseTimeout;

    /**
     * @param api the REST client; no credentials are sent to image hosts
     * @param ownsApi whether {@link #close()} closes the REST client (never one CDI manages)
     * @param responseTimeout how long one hop may take, headers and body; the REST client's read timeout
     */
    public RestClientImageDownloader(GemPix2RestApi api, boolean ownsApi, Duration responseTimeout) {
        this.api = Objects.requireNonNull(api, "api");
        this.ownsApi = ownsApi;
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("responseTimeout must be positive, got " + responseTimeout);
        }
    }

    /** Closes the REST client if this downloader built it. */
    @Override
    public void close() {
        if (ownsApi) {
            StandaloneRestClients.close(api);
        }
    }

    @Override
    public CompletableFuture<byte[]> download(URI url, long maxBytes) {
        try {
            DownloadRules.requireHttp(url);
            return fetch(url, maxBytes, 0).onFailure().transform(TransportFailures::toGemPix2).subscribeAsCompletionStage();
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(TransportFailures.toGemPix2(refused));
        }
    }

    private Uni<byte[]> fetch(URI url, long maxBytes, int redirects) {
        return answer(url).flatMap(response -> {
            int status = response.getStatus();
            if (DownloadRules.isRedirect(status)) {
                return follow(url, response, maxBytes, redirects);
            }
            if (status < 200 || status >= 300) {
                return Uni.createFrom().failure(WireFormat.error(WireResponses.read(response, null)));
            }
            return Uni.createFrom().item(() -> body(url, response, maxBytes));
        });
    }

    private Uni<Response> answer(URI url) {
        // Cancelling the REST Client's Uni resets its HTTP request, which frees the connection of a stalled body.
        return api.fetch(url.toString()).ifNoItem().after(responseTimeout).failWith(() -> new TransportException(
                "no complete answer for " + DownloadRules.shown(url) + " within " + responseTimeout.toMillis() + " ms", true, null));
    }

    private Uni<byte[]> follow(URI from, Response response, long maxBytes, int redirects) {
        String location = response.getHeaderString("Location");
        response.close();
        URI next = DownloadRules.redirectTarget(from, location, redirects);
        return fetch(next, maxBytes, redirects + 1);
    }

    private static byte[] body(URI url, Response response, long maxBytes) {
        OptionalLong declared = contentLength(response);
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            response.close();
            throw DownloadRules.tooLarge(url, maxBytes, declared.getAsLong());
        }
        byte[] bytes = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        if (bytes.length > maxBytes) {
            throw DownloadRules.tooLarge(url, maxBytes);
        }
        return bytes;
    }

    private static OptionalLong contentLength(Response response) {
        String header = response.getHeaderString("Content-Length");
        try {
            return header == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(header.strip()));
        } catch (NumberFormatException unreadable) {
            return OptionalLong.empty();
        }
    }
}
