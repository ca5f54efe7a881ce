package dev.gempix2.quarkus.internal;

import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.wire.WireFormat;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ImageDownloader} over the Quarkus REST Client. Follows at most {@value #MAX_REDIRECTS} redirects, only to
 * http(s). The size cap is checked against {@code Content-Length} before the body is read and against the body
 * itself; the REST Client buffers a response before handing it over, so a server that lies about its length is
 * caught once the body has arrived.
 */
public final class RestClientImageDownloader implements ImageDownloader, AutoCloseable {
    static final int MAX_REDIRECTS = 3;

    private final GemPix2RestApi api;
    private final boolean ownsApi;

    /**
     * @param api the REST client; no credentials are sent to image hosts
     * @param ownsApi whether {@link #close()} closes the REST client (never one CDI manages)
     */
    public RestClientImageDownloader(GemPix2RestApi api, boolean ownsApi) {
        this.api = Objects.requireNonNull(api, "api");
        this.ownsApi = ownsApi;
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
            requireHttp(url);
            return fetch(url, maxBytes, 0).onFailure().transform(TransportFailures::toGemPix2).subscribeAsCompletionStage();
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(TransportFailures.toGemPix2(refused));
        }
    }

    private Uni<byte[]> fetch(URI url, long maxBytes, int redirects) {
        return api.fetch(url.toString()).flatMap(response -> {
            int status = response.getStatus();
            if (isRedirect(status)) {
                return follow(url, response, maxBytes, redirects);
            }
            if (status < 200 || status >= 300) {
                return Uni.createFrom().failure(WireFormat.error(WireResponses.read(response)));
            }
            return Uni.createFrom().item(() -> body(url, response, maxBytes));
        });
    }

    private Uni<byte[]> follow(URI from, Response response, long maxBytes, int redirects) {
        String location = response.getHeaderString("Location");
        response.close();
        if (redirects >= MAX_REDIRECTS) {
            throw new TransportException("the download of " + shown(from) + " was redirected more than " + MAX_REDIRECTS
                    + " times", true, null);
        }
        if (location == null || location.isBlank()) {
            throw new TransportException("the download of " + shown(from) + " was redirected without a Location", true, null);
        }
        URI next = from.resolve(location.strip());
        requireHttp(next);
        return fetch(next, maxBytes, redirects + 1);
    }

    private static byte[] body(URI url, Response response, long maxBytes) {
        OptionalLong declared = contentLength(response);
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            response.close();
            throw tooLarge(url, maxBytes);
        }
        byte[] bytes = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        if (bytes.length > maxBytes) {
            throw tooLarge(url, maxBytes);
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

    private static ResponseTooLargeException tooLarge(URI url, long maxBytes) {
        return new ResponseTooLargeException("the image at " + shown(url) + " is larger than the limit of " + maxBytes
                + " bytes (GemPix2Client.Builder.maxDownloadBytes raises it)", maxBytes);
    }

    // A query string may hold a signature: messages show the URL without it.
    private static String shown(URI url) {
        String text = url.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
    }

    private static void requireHttp(URI url) {
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || url.getHost() == null) {
            throw new TransportException("only http(s) image URLs are downloaded, not " + shown(url), false, null);
        }
    }

    /** @param status an HTTP status @return true for the redirects a download follows */
    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
