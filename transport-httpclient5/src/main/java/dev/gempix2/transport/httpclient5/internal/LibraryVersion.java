package dev.gempix2.transport.httpclient5.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This library's version, for the {@code User-Agent}: from a resource Maven fills in at build time. */
public final class LibraryVersion {
    /** The version, e.g. {@code 0.1.0}, or {@code unknown} when the resource is missing (a broken repackaging). */
    public static final String VALUE = read();

    private LibraryVersion() {
    }

    private static String read() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
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
        String fromManifest = LibraryVersion.class.getPackage().getImplementationVersion();
        return fromManifest == null ? "unknown" : fromManifest;
    }
}
