package dev.gempix2.core.wire;

import dev.gempix2.core.ProxySettings;
import dev.gempix2.core.error.TransportException;

/**
 * The one failure for a proxy that refused to carry a request ({@code 407 Proxy Authentication Required}, or a
 * tunnel it would not open), the same on every transport: it names the proxy and the user, never the password.
 * The request did not reach the API, so it is safe to send again once the credentials are fixed.
 */
public final class ProxyRefusal {
    /** The status a proxy answers when it wants (other) credentials. */
    public static final int PROXY_AUTHENTICATION_REQUIRED = 407;

    private ProxyRefusal() {
    }

    /**
     * @param proxy the proxy the request went to
     * @param cause what the HTTP client reported, or null
     * @return the failure to report
     */
    public static TransportException refused(ProxySettings proxy, Throwable cause) {
        String who = proxy.username() == null
                ? "no credentials were configured: set the proxy's username and password"
                : "the credentials of user '" + proxy.username() + "' were refused: check the proxy password";
        return new TransportException("The proxy " + proxy.address() + " answered 407 Proxy Authentication "
                + "Required; " + who + ". The request did not reach the API.", false, cause);
    }
}
