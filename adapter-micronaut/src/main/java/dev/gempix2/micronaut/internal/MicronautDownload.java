package dev.gempix2.micronaut.internal;

import dev.gempix2.core.error.RedirectRefusedException;
import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.wire.AsyncFailures;
import dev.gempix2.core.wire.DownloadRules;
import dev.gempix2.core.wire.RequestIds;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.StreamingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches an image over Micronaut's client as one streamed, capped exchange (see {@link CappedBody}).
 *
 * <p>Its connection is tracked by {@link ExchangeChannels} as an API call's is: cancelling the download (a
 * deadline) closes the connection instead of leaving the client to read the rest of a dripping body, with the
 * connection taken from the pool until the read timeout.
 *
 * <p>Micronaut follows redirects itself (its own following cannot be turned off per request, and with it off a
 * streamed 3xx without a body never shows its status), counting them from a start that leaves exactly
 * {@link DownloadRules#MAX_REDIRECTS}. Its failures for a redirect the rules refuse, one too many (a loop) or one to
 * a URL without a host ({@code file:}), become a {@link RedirectRefusedException}, which is not retried. The
 * fault matrix's download rows fail if a Micronaut upgrade words them otherwise.
 */
final class MicronautDownload {
    private static final Argument<byte[]> BYTES = Argument.of(byte[].class);
    // Micronaut counts redirects in this request attribute against the client's max-redirects (default 5) and
    // has no per-request limit; starting the count higher leaves exactly DownloadRules.MAX_REDIRECTS. The
    // downloader contract test fails if a Micronaut upgrade renames it.
    private static final String REDIRECT_COUNT_ATTRIBUTE = "micronaut.http.client.redirect-count";
    // Micronaut 4's messages for a redirect past its count and for one to a URL it cannot connect to.
    private static final List<String> REFUSED_REDIRECTS = List.of("Maximum number of redirects exceeded",
            "URI specifies no host to connect to");

    private final StreamingHttpClient http;
    private final ResponseReader reader;
    private final URI baseUrl;
    private final ApiKey apiKey;
    private final String userAgent;
    private final int skippedRedirects;

    /**
     * @param http the client
     * @param reader maps failures
     * @param baseUrl the API's base URL (the key goes only to its origin)
     * @param apiKey the key
     * @param userAgent the {@code User-Agent}
     * @param skippedRedirects where Micronaut's redirect count starts
     */
    MicronautDownload(StreamingHttpClient http, ResponseReader reader, URI baseUrl, ApiKey apiKey, String userAgent,
                      int skippedRedirects) {
        this.http = http;
        this.reader = reader;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.userAgent = userAgent;
        this.skippedRedirects = skippedRedirects;
    }

    /**
     * @param url an http(s) URL (checked by the caller)
     * @param maxBytes the largest body accepted
     * @return the body; cancelling it aborts the exchange and closes its connection
     */
    CompletableFuture<byte[]> download(URI url, long maxBytes) {
        String what = "downloading " + DownloadRules.shown(url);
        String requestId = RequestIds.newId();
        MutableHttpRequest<?> get = HttpRequest.GET(url).header(HttpHeaders.USER_AGENT, userAgent)
                .header(RequestIds.HEADER, requestId);
        get.setAttribute(REDIRECT_COUNT_ATTRIBUTE, skippedRedirects);
        if (DownloadRules.sendsApiKeyTo(baseUrl, url)) {
            get.header(HttpHeaders.AUTHORIZATION, apiKey.authorizationHeader());
        }
        ExchangeChannels.Slot connection = ExchangeChannels.track(requestId);
        CompletableFuture<byte[]> body;
        try {
            body = CappedBody.collect(url, maxBytes, http.exchangeStream(get, BYTES));
        } catch (RuntimeException refused) {
            connection.release();
            return CompletableFuture.failedFuture(reader.failure(refused, what));
        }
        body.whenComplete((bytes, failure) -> {
            // A cancelled exchange, or one stopped at the cap, would go on reading its body: close it instead. An
            // error status came with its whole answer: its connection is fine.
            if (failure != null && !(AsyncFailures.unwrap(failure) instanceof HttpClientResponseException)) {
                connection.abort();
            } else {
                connection.release();
            }
        });
        return CancelLink.cancelling(body.exceptionallyCompose(
                failure -> CompletableFuture.failedFuture(mapped(failure, url, what))), body);
    }

    private Throwable mapped(Throwable failure, URI url, String what) {
        Throwable cause = AsyncFailures.unwrap(failure);
        if (cause instanceof HttpClientException && !(cause instanceof HttpClientResponseException)
                && cause.getMessage() != null && REFUSED_REDIRECTS.stream().anyMatch(cause.getMessage()::contains)) {
            return new RedirectRefusedException("Downloading " + DownloadRules.shown(url) + " was redirected "
                    + "beyond the rules (at most " + DownloadRules.MAX_REDIRECTS + " redirects, only to http(s) "
                    + "URLs): " + cause.getMessage(), cause);
        }
        return reader.failure(cause, what);
    }
}
