package dev.gempix2.transport.httpclient5.internal;

import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.wire.WireFormat;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;

/**
 * Fetches an image: one GET per hop, at most {@value #MAX_REDIRECTS} redirects and only to http(s), the body
 * read within its size cap. The API key goes only to the API's own origin, never to a CDN or wherever a
 * redirect leads.
 */
public final class ImageDownload {
    /** How many redirects a download follows. */
    public static final int MAX_REDIRECTS = 3;

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
     * @param url an absolute http(s) URL
     * @param maxBytes the largest body accepted
     * @return the body, or a failed future with a {@code GemPix2Exception}
     */
    public CompletableFuture<byte[]> fetch(URI url, long maxBytes) {
        return PlainFailure.of(hop(url, maxBytes, MAX_REDIRECTS));
    }

    private CompletableFuture<byte[]> hop(URI url, long maxBytes, int redirectsLeft) {
        AsyncRequestBuilder request = AsyncRequestBuilder.get(url)
                .setHeader(HttpHeaders.USER_AGENT, settings.userAgent())
                .setHeader(HttpHeaders.ACCEPT, "image/*, */*;q=0.5");
        if (sameOrigin(url, settings.baseUrl())) {
            request.setHeader(HttpHeaders.AUTHORIZATION, settings.apiKey().authorizationHeader());
        }
        String shown = withoutQuery(url);
        BoundedBodyConsumer consumer = new BoundedBodyConsumer(maxBytes, "the image at " + shown,
                "Raise maxDownloadBytes if images this large are expected.");
        return exchange.send(request.build(), null, consumer, "GET " + shown).thenCompose(answer -> {
            if (answer.isSuccessful()) {
                return CompletableFuture.completedFuture(answer.body());
            }
            if (answer.isRedirect()) {
                URI next;
                try {
                    next = redirectTarget(url, answer.location(), redirectsLeft);
                } catch (TransportException refused) {
                    return CompletableFuture.failedFuture(refused);
                }
                return hop(next, maxBytes, redirectsLeft - 1);
            }
            return CompletableFuture.failedFuture(WireFormat.error(answer.toWireResponse()));
        });
    }

    private static URI redirectTarget(URI from, String location, int redirectsLeft) {
        if (redirectsLeft <= 0) {
            throw new TransportException("Downloading " + withoutQuery(from) + " took more than " + MAX_REDIRECTS
                    + " redirects; giving up", true, null);
        }
        URI target;
        try {
            target = from.resolve(location.strip());
        } catch (IllegalArgumentException unreadable) {
            throw new TransportException("Downloading " + withoutQuery(from)
                    + " was redirected to an unreadable Location: " + location, true, unreadable);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
            throw new TransportException("Downloading " + withoutQuery(from) + " was redirected to "
                    + (scheme.isEmpty() ? "a URL without a scheme" : "a " + scheme + ": URL")
                    + "; only http(s) redirects are followed", true, null);
        }
        return target;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Query strings of CDN URLs often hold signatures: messages and logs show the URL without them. */
    static String withoutQuery(URI url) {
        Objects.requireNonNull(url, "url");
        String text = url.toString();
        int cut = text.indexOf('?');
        return cut < 0 ? text : text.substring(0, cut) + "?…";
    }
}
