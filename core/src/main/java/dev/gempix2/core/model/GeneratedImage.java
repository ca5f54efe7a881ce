package dev.gempix2.core.model;

import dev.gempix2.core.error.TransportException;
import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * One image of a successful task, as the provider gave it: an http(s) URL to fetch, or a {@code data:} URI
 * that holds the bytes. {@code client.download(image)} handles both; {@link #decode()} reads a data URI
 * without any network.
 *
 * @param location the URL or data URI exactly as received
 */
public record GeneratedImage(String location) {

    /**
     * @param location the URL or data URI exactly as received
     * @throws IllegalArgumentException when the location is blank
     */
    public GeneratedImage {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("an image location must not be blank");
        }
    }

    /** @return true when the image is inline, as a {@code data:} URI */
    public boolean isDataUri() {
        return location.regionMatches(true, 0, "data:", 0, 5);
    }

    /** @return the URL to fetch, when the image is not a data URI and the URL is well formed */
    public Optional<URI> url() {
        if (isDataUri()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(location.trim()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Decodes a {@code data:} URI.
     *
     * @return the media type and bytes
     * @throws IllegalStateException when this image is a URL (use {@code client.download(image)})
     * @throws TransportException when the data URI is malformed
     */
    public ImageData decode() {
        if (!isDataUri()) {
            throw new IllegalStateException("this image is a URL, not a data: URI; fetch it with client.download(image)");
        }
        int comma = location.indexOf(',');
        if (comma < 0) {
            throw new TransportException("malformed data: URI from GemPix2 (no comma)", null);
        }
        String header = location.substring(5, comma);
        String payload = location.substring(comma + 1);
        String[] parts = header.split(";");
        String mediaType = parts[0].isBlank() ? "application/octet-stream" : parts[0].toLowerCase(Locale.ROOT);
        boolean base64 = parts.length > 1 && parts[parts.length - 1].equalsIgnoreCase("base64");
        if (!base64) {
            throw new TransportException("unsupported data: URI from GemPix2 (only base64 images are expected)", null);
        }
        try {
            return new ImageData(mediaType, Base64.getMimeDecoder().decode(payload));
        } catch (IllegalArgumentException malformed) {
            throw new TransportException("malformed base64 in a data: URI from GemPix2", malformed);
        }
    }

    @Override
    public String toString() {
        return isDataUri()
                ? "GeneratedImage[data URI, " + location.length() + " chars]"
                : "GeneratedImage[" + location + "]";
    }
}
