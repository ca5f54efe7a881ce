package dev.gempix2.transport.httpclient5.internal;

import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.wire.DownloadRules;
import dev.gempix2.core.wire.HttpUrls;
import dev.gempix2.core.wire.WireFormat;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;

/**
 * Fetches an image: one GET per hop, following redirects and sending the API key as core's {@link DownloadRules}
 * say, the body read within its size cap.
 */
public final class ImageDownload {
    private final AsyncExchange exchange;
    private final TransportSettings settings;

    /**
     * @param exchange sends the requests
     * @param settings the API's origin and key, the User-Agent
     */
    public ImageDownload(AsyncExchange exchange, TransportSettings settings) {
        this.exchange = exchange;
        this.settings = settings;
    }

    /**
     * @param url a URL a caller asked to download
     * @param maxBytes the largest body the caller accepts
     * @return what is wrong with them, naming the argument, or empty
     */
    public static Optional<InvalidRequestException> check(URI url, long maxBytes) {
        if (!HttpUrls.isHttp(url)) {
            return Optional.of(InvalidRequestException.ofField("url",
                    "must be an absolute http(s) URL, got " + (url == null ? null : DownloadRules.shown(url))));
        }
        if (maxBytes <= 0) {
            return Optional.of(InvalidRequestException.ofField("maxBytes", "must be positive"));
        }
        return Optional.empty();
    }

    /**
     * @param url an absolute http(s) URL
     * @param maxBytes the largest body accepted
     * @return the body, or a failed future with a {@code GemPix2Exception}
     */
    public CompletableFuture<byte[]> fetch(URI url, long maxBytes) {
        AtomicReference<CompletableFuture<HttpAnswer>> current = new AtomicReference<>();
        CompletableFuture<byte[]> result = PlainFailure.of(hop(url, maxBytes, 0, current));
        // Cancelling the download aborts whichever hop is on the wire.
        result.whenComplete((bytes, failure) -> {
            CompletableFuture<HttpAnswer> exchange = current.get();
            if (result.isCancelled() && exchange != null) {
                exchange.cancel(true);
            }
        });
        return result;
    }

    private CompletableFuture<byte[]> hop(URI url, long maxBytes, int redirectsFollowed,
                                          AtomicReference<CompletableFuture<HttpAnswer>> current) {
        AsyncRequestBuilder request = AsyncRequestBuilder.get(url)
                .setHeader(HttpHeaders.USER_AGENT, settings.userAgent())
                .setHeader(HttpHeaders.ACCEPT, "image/*, */*;q=0.5");
        if (DownloadRules.sendsApiKeyTo(settings.baseUrl(), url)) {
            request.setHeader(new MaskedAuthorization(settings.apiKey()));
        }
        BoundedBodyConsumer consumer = new BoundedBodyConsumer(maxBytes,
                declared -> DownloadRules.tooLarge(url, maxBytes, declared).getMessage());
        CompletableFuture<HttpAnswer> sent = exchange.send(request.build(), null, consumer,
                "GET " + DownloadRules.shown(url));
        current.set(sent);
        return sent.thenCompose(answer -> {
            if (answer.isSuccessful()) {
                return CompletableFuture.completedFuture(answer.body());
            }
            if (answer.isRedirect()) {
                URI next;
                try {
                    next = DownloadRules.redirectTarget(url, answer.location(), redirectsFollowed);
                } catch (TransportException refused) {
                    return CompletableFuture.failedFuture(refused);
                }
                return hop(next, maxBytes, redirectsFollowed + 1, current);
            }
            return CompletableFuture.failedFuture(WireFormat.error(answer.toWireResponse(null)));
        });
    }
}
