package dev.gempix2.quarkus.internal;

import dev.gempix2.core.HttpSettings;
import dev.gempix2.core.ProxySettings;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.wire.DownloadRules;
import dev.gempix2.core.wire.UserAgent;
import dev.gempix2.core.wire.WireFormat;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link ImageDownloader} over the application's Vert.x HTTP client, streaming: the body is counted chunk by
 * chunk as it arrives, so a body past the cap (a chunked one of any size included) fails at the cap and is never
 * held whole, and the request is reset to free the connection. (The Quarkus REST Client hands over a response
 * only once it has buffered it, or, streamed, drains the rest of it when closed: neither bounds memory or time.)
 *
 * <p>Follows redirects as core's {@link DownloadRules} say (at most {@value DownloadRules#MAX_REDIRECTS}, only
 * to http(s)) and sends no API key, not even to the API's own origin. Each hop (the first request and every
 * redirect) gets a deadline of the response timeout for its headers and whole body together; when it passes, the
 * request is reset and the download fails with a {@link TransportException} that says the request may have
 * reached the server.
 */
public final class VertxImageDownloader implements ImageDownloader, AutoCloseable {
    /** An error body is read for its JSON fields only; past this it is cut. */
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final Vertx vertx;
    private final HttpClient client;
    private final Duration responseTimeout;
    private final String userAgent;
    private final ProxySettings proxy;

    /**
     * @param vertx the application's Vert.x
     * @param connectTimeout how long to wait for a connection
     * @param responseTimeout how long one hop may take, headers and body
     */
    public VertxImageDownloader(Vertx vertx, Duration connectTimeout, Duration responseTimeout) {
        this(vertx, HttpSettings.builder().connectTimeout(connectTimeout).responseTimeout(responseTimeout).build());
    }

    /**
     * @param vertx the application's Vert.x
     * @param http the connect timeout, the response timeout (one hop, headers and body), the proxy and the
     *             user-agent suffix (default headers are for API requests, not for image hosts)
     */
    public VertxImageDownloader(Vertx vertx, HttpSettings http) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.responseTimeout = http.responseTimeout();
        this.userAgent = UserAgent.value("quarkus", http.userAgentSuffix().orElse(null));
        this.proxy = http.proxy().orElse(null);
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, http.connectTimeout().toMillis()));
        http.proxy().ifPresent(settings -> ProxyOptionsFromSettings.apply(options, settings));
        this.client = vertx.createHttpClient(options);
    }

    @Override
    public CompletableFuture<byte[]> download(URI url, long maxBytes) {
        try {
            DownloadRules.requireHttp(url);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(TransportFailures.toGemPix2(refused));
        }
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        hop(url, maxBytes, 0, result);
        return result;
    }

    private void hop(URI url, long maxBytes, int redirects, CompletableFuture<byte[]> result) {
        Exchange exchange = new Exchange(url, maxBytes, redirects, result);
        long timer = vertx.setTimer(responseTimeout.toMillis(), fired -> exchange.fail(new TransportException(
                "no complete answer for " + DownloadRules.shown(url) + " within " + responseTimeout.toMillis()
                        + " ms", true, null)));
        result.whenComplete((ignored, failure) -> vertx.cancelTimer(timer));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url.toString())
                .putHeader("User-Agent", userAgent).putHeader("Accept", "image/*, */*;q=0.5");
        client.request(options)
                .onFailure(exchange::fail)
                .onSuccess(request -> {
                    exchange.request = request;
                    request.send().onFailure(exchange::fail).onSuccess(exchange::answered);
                });
    }

    /** One hop: the request, the body as it arrives, and the end. */
    private final class Exchange {
        private final URI url;
        private final long maxBytes;
        private final int redirects;
        private final CompletableFuture<byte[]> result;
        private final AtomicBoolean done = new AtomicBoolean();
        private final Buffer body = Buffer.buffer();
        private volatile HttpClientRequest request;

        Exchange(URI url, long maxBytes, int redirects, CompletableFuture<byte[]> result) {
            this.url = url;
            this.maxBytes = maxBytes;
            this.redirects = redirects;
            this.result = result;
        }

        void answered(HttpClientResponse response) {
            if (done.get()) {
                response.request().reset();
                return;
            }
            int status = response.statusCode();
            if (DownloadRules.isRedirect(status)) {
                finishHop();
                response.request().reset();
                try {
                    URI next = DownloadRules.redirectTarget(url, response.getHeader("Location"), redirects);
                    hop(next, maxBytes, redirects + 1, result);
                } catch (RuntimeException refused) {
                    result.completeExceptionally(TransportFailures.toGemPix2(refused));
                }
                return;
            }
            boolean success = status >= 200 && status < 300;
            String declared = response.getHeader("Content-Length");
            if (success && declared != null && parsesAbove(declared, maxBytes)) {
                fail(DownloadRules.tooLarge(url, maxBytes, Long.parseLong(declared.strip())));
                return;
            }
            long limit = success ? maxBytes : ERROR_BODY_LIMIT;
            response.exceptionHandler(this::fail);
            response.handler(chunk -> {
                if (body.length() + (long) chunk.length() > limit) {
                    if (success) {
                        fail(DownloadRules.tooLarge(url, maxBytes));
                    } else {
                        body.appendBuffer(chunk, 0, (int) (limit - body.length()));
                        complete(response, status);
                    }
                    return;
                }
                body.appendBuffer(chunk);
            });
            response.endHandler(end -> complete(response, status));
        }

        private void complete(HttpClientResponse response, int status) {
            if (!finishHop()) {
                return;
            }
            if (status >= 200 && status < 300) {
                result.complete(body.getBytes());
                return;
            }
            request.reset();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().forEach(entry ->
                    headers.computeIfAbsent(entry.getKey(), name -> new ArrayList<>()).add(entry.getValue()));
            result.completeExceptionally(ProxyOptionsFromSettings.refusalOr(WireFormat.error(
                    WireResponses.parse(status, body.getBytes(), response.getHeader("Retry-After"))
                            .withExchange(headers, null)), proxy));
        }

        void fail(Throwable failure) {
            if (!finishHop()) {
                return;
            }
            if (request != null) {
                request.reset();
            }
            GemPix2Exception mapped = ProxyOptionsFromSettings.refusalOr(TransportFailures.toGemPix2(failure), proxy);
            result.completeExceptionally(mapped);
        }

        /** @return true for the first of the hop's ends (the body's end, a failure, the deadline) */
        private boolean finishHop() {
            return done.compareAndSet(false, true);
        }
    }

    private static boolean parsesAbove(String header, long maxBytes) {
        try {
            return Long.parseLong(header.strip()) > maxBytes;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }

    /** Closes this downloader's HTTP client; the application's Vert.x stays. */
    @Override
    public void close() {
        client.close();
    }
}
