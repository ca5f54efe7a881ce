package dev.gempix2.quarkus.internal;

import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.wire.DownloadRules;
import dev.gempix2.core.wire.WireFormat;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ImageDownloader} over the Quarkus REST Client. Follows redirects as core's {@link DownloadRules} say (at
 * most {@value DownloadRules#MAX_REDIRECTS}, only to http(s)) and sends no API key, not even to the API's own
 * origin. The size cap is checked against {@code Content-Length} before the body is read and against the body
 * itself; the REST Client buffers a response before handing it over, so a server that lies about its length is
 * caught once the body has arrived.
 */
public final class RestClientImageDownloader implements ImageDownloader, AutoCloseable {
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
            DownloadRules.requireHttp(url);
            return fetch(url, maxBytes, 0).onFailure().transform(TransportFailures::toGemPix2).subscribeAsCompletionStage();
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(TransportFailures.toGemPix2(refused));
        }
    }

    private Uni<byte[]> fetch(URI url, long maxBytes, int redirects) {
        return api.fetch(url.toString()).flatMap(response -> {
            int status = response.getStatus();
            if (DownloadRules.isRedirect(status)) {
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
