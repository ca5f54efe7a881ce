package dev.gempix2.core.wire;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The one {@code User-Agent} every transport sends: {@code gempix2-java/<version> (<transport>; Java <version>)},
 * then the application's own suffix when it gave one, so that the provider (and a proxy's log) can tell which
 * library, transport and runtime made a request.
 */
public final class UserAgent {
    /** This library's version, e.g. {@code 0.1.0}, or {@code unknown} when the build's resource is missing. */
    public static final String LIBRARY_VERSION = readVersion();

    private UserAgent() {
    }

    /**
     * @param transport the transport's short name: {@code httpclient5}, {@code micronaut} or {@code quarkus}
     * @param suffix the application's own product token such as {@code my-app/1.2}, or null for none
     * @return the header's value
     * @throws IllegalArgumentException when the suffix is not printable ASCII on one line
     */
    public static String value(String transport, String suffix) {
        String base = "gempix2-java/" + LIBRARY_VERSION + " (" + transport + "; Java "
                + System.getProperty("java.version", "unknown") + ")";
        if (suffix == null || suffix.isBlank()) {
            return base;
        }
        if (!suffix.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the user-agent suffix must be printable ASCII on one line");
        }
        return base + " " + suffix.strip();
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "").strip();
                if (!version.isEmpty() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException unreadable) {
            // Fall through to the manifest.
        }
        String fromManifest = UserAgent.class.getPackage().getImplementationVersion();
        return fromManifest == null ? "unknown" : fromManifest;
    }
}
