package dev.gempix2.core.wire;

import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.error.RedirectRefusedException;
import dev.gempix2.core.error.TransportException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The image-download rules, shared by every transport so that they all download alike: which redirects are
 * followed and how many, which URLs get the API key, how a URL appears in messages, and what a body too large
 * is called. Stateless and thread-safe.
 *
 * <pre>{@code
 * DownloadRules.requireHttp(url);
 * if (DownloadRules.sendsApiKeyTo(baseUrl, url)) { request.header("Authorization", key.authorizationHeader()); }
 * // on a 3xx answer:
 * if (DownloadRules.isRedirect(status)) { url = DownloadRules.redirectTarget(url, location, redirectsFollowed++); }
 * }</pre>
 */
public final class DownloadRules {
    /** How many redirects one download follows; the next one fails it. */
    public static final int MAX_REDIRECTS = 3;

    // Long enough for any real image URL, short enough that a data: URI never floods a message or a log.
    private static final int SHOWN_MAX_CHARS = 200;

    private DownloadRules() {
    }

    /**
     * @param status an HTTP status
     * @return true for the redirects a download follows: 301, 302, 303, 307 and 308
     */
    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Where a redirect leads, checked against the rules.
     *
     * @param from the URL that answered with the redirect
     * @param location its {@code Location} header, absolute or relative; may be null
     * @param redirectsFollowed how many redirects this download followed before this one
     * @return the absolute http(s) URL to fetch next
     * @throws RedirectRefusedException for a redirect past {@link #MAX_REDIRECTS}, a missing or unreadable
     *                            {@code Location}, or a target that is not an http(s) URL with a host
     */
    public static URI redirectTarget(URI from, String location, int redirectsFollowed) {
        Objects.requireNonNull(from, "from");
        if (redirectsFollowed >= MAX_REDIRECTS) {
            throw new RedirectRefusedException("Downloading " + shown(from) + " took more than " + MAX_REDIRECTS
                    + " redirects; giving up", null);
        }
        if (location == null || location.isBlank()) {
            throw new RedirectRefusedException("Downloading " + shown(from)
                    + " was redirected without a Location header", null);
        }
        URI target;
        try {
            target = from.resolve(location.strip());
        } catch (IllegalArgumentException unreadable) {
            throw new RedirectRefusedException("Downloading " + shown(from) + " was redirected to an unreadable Location: "
                    + shown(location.strip()), unreadable);
        }
        if (!isHttpWithHost(target)) {
            throw new RedirectRefusedException("Downloading " + shown(from) + " was redirected to " + describe(target)
                    + "; only http(s) redirects are followed", null);
        }
        return target;
    }

    /**
     * @param url the URL about to be downloaded
     * @throws TransportException (the request never sent) unless {@code url} is an http(s) URL with a host
     */
    public static void requireHttp(URI url) {
        Objects.requireNonNull(url, "url");
        if (!isHttpWithHost(url)) {
            throw new TransportException("Only http(s) image URLs can be downloaded, not " + describe(url) + ": "
                    + shown(url), false, null);
        }
    }

    /**
     * The API key goes only to the API's own origin, never to a CDN or wherever a redirect leads.
     *
     * @param apiBaseUrl the API's base URL
     * @param target the URL about to be fetched
     * @return true when {@code target} has the API's scheme, host and effective port (80 or 443 when unset)
     */
    public static boolean sendsApiKeyTo(URI apiBaseUrl, URI target) {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(target, "target");
        return isHttpWithHost(target)
                && scheme(target).equals(scheme(apiBaseUrl))
                && target.getHost().equalsIgnoreCase(apiBaseUrl.getHost())
                && effectivePort(target) == effectivePort(apiBaseUrl);
    }

    /**
     * A URL as messages and logs show it: without user info and query string (CDN URLs often carry a signature
     * there), and cut short if very long (a {@code data:} URI).
     *
     * @param url any URL
     * @return the URL for a person to read, e.g. {@code https://cdn.example/a.png?…}
     */
    public static String shown(URI url) {
        Objects.requireNonNull(url, "url");
        String text = url.toString();
        String userInfo = url.getRawUserInfo();
        if (userInfo != null) {
            text = text.replace(userInfo + "@", "");
        }
        return shown(text);
    }

    /**
     * @param url the URL downloaded
     * @param maxBytes the largest body accepted
     * @return the failure for a body past {@code maxBytes}, telling how to accept larger images
     */
    public static ResponseTooLargeException tooLarge(URI url, long maxBytes) {
        return tooLarge(url, maxBytes, -1);
    }

    /**
     * @param url the URL downloaded
     * @param maxBytes the largest body accepted
     * @param contentLength the body's declared {@code Content-Length}, or a negative number when the body
     *                      itself passed the limit
     * @return the failure for a body past {@code maxBytes}, telling how to accept larger images
     */
    public static ResponseTooLargeException tooLarge(URI url, long maxBytes, long contentLength) {
        String declared = contentLength < 0 ? "" : " (its Content-Length is " + contentLength + ")";
        return new ResponseTooLargeException("The image at " + shown(url) + " is larger than the limit of "
                + maxBytes + " bytes" + declared + "; reading stopped there. Raise maxDownloadBytes"
                + " (GemPix2Client.Builder.maxDownloadBytes) if images this large are expected.", maxBytes);
    }

    private static String shown(String url) {
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        int cut = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
        String text = cut < 0 ? url : url.substring(0, cut) + (cut == query ? "?…" : "");
        return text.length() <= SHOWN_MAX_CHARS ? text : text.substring(0, SHOWN_MAX_CHARS) + "…";
    }

    private static boolean isHttpWithHost(URI url) {
        return HttpUrls.isHttp(url);
    }

    private static String describe(URI url) {
        String scheme = scheme(url);
        if (scheme.isEmpty()) {
            return "a URL without a scheme";
        }
        return scheme.equals("http") || scheme.equals("https") ? "a URL without a host" : "a " + scheme + ": URL";
    }

    private static String scheme(URI url) {
        return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int effectivePort(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return scheme(url).equals("https") ? 443 : 80;
    }
}
