package dev.gempix2.core.wire;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one rule for an http(s) URL a user configures (the API's base URL, a callback base URL) or a provider
 * returns: absolute, scheme {@code http} or {@code https}, with a host. Settings, builders, transports, both
 * adapters and the command line check with it, so that all of them accept and refuse the same URLs.
 */
public final class HttpUrls {

    private HttpUrls() {
    }

    /**
     * @param url a URL, may be null
     * @return whether it is absolute, {@code http} or {@code https}, with a host
     */
    public static boolean isHttp(URI url) {
        if (url == null || url.getHost() == null || url.getScheme() == null) {
            return false;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /**
     * The rule for a base URL the SDK appends paths to: {@link #isHttp(URI)}, and no query or fragment.
     *
     * @param setting the setting's name, first in the message (e.g. {@code baseUrl})
     * @param url the URL
     * @return the URL
     * @throws IllegalArgumentException {@code <setting> must be an absolute http(s) URL without query or fragment,
     *                                  such as https://api.defapi.org, got <url>} (user info never shown)
     */
    public static URI requireBase(String setting, URI url) {
        if (!isHttp(url) || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(setting + " must be an absolute http(s) URL without query or "
                    + "fragment, such as https://api.defapi.org, got " + (url == null ? "nothing" : shown(url)));
        }
        return url;
    }

    /**
     * @param setting the setting's name, first in the message
     * @param text a URL as a person wrote it
     * @return the URL, when {@link #requireBase(String, URI)} accepts it
     * @throws IllegalArgumentException naming the setting when it is not such a URL
     */
    public static URI parseBase(String setting, String text) {
        URI url;
        try {
            url = new URI(text == null ? "" : text.strip());
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException(setting + " must be an absolute http(s) URL without query or "
                    + "fragment, such as https://api.defapi.org, got '" + clip(text) + "'");
        }
        return requireBase(setting, url);
    }

    private static String shown(URI url) {
        if (url.getRawUserInfo() == null) {
            return clip(url.toString());
        }
        return url.getScheme() + "://…@" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static String clip(String text) {
        return text != null && text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
