package dev.gempix2.micronaut.internal;

import java.net.URI;

/**
 * Warns at startup when the configured callback URL does not end with the path this app serves: callbacks
 * would then miss the endpoint, unless a proxy in front rewrites the path.
 */
public final class CallbackPathCheck {
    private static final System.Logger LOG = System.getLogger("dev.gempix2");

    private CallbackPathCheck() {
    }

    /**
     * @param callbackBaseUrl {@code gempix2.callback.base-url}, or null when callbacks are off
     * @param servedPath {@code gempix2.callback.path}
     * @return true when a warning was logged
     */
    public static boolean warnIfServedElsewhere(URI callbackBaseUrl, String servedPath) {
        if (callbackBaseUrl == null) {
            return false;
        }
        String path = callbackBaseUrl.getPath() == null ? "" : callbackBaseUrl.getPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.endsWith(servedPath)) {
            return false;
        }
        LOG.log(System.Logger.Level.WARNING, "gempix2.callback.base-url ({0}) does not end with"
                + " gempix2.callback.path ({1}): callbacks go to <base-url>/<token> but this app serves"
                + " POST {1}/<token>. Fine only if a proxy rewrites the path.", callbackBaseUrl, servedPath);
        return true;
    }
}
