package dev.gempix2.core.internal;

import dev.gempix2.core.error.ResponseTooLargeException;
import dev.gempix2.core.model.GeneratedImage;

/**
 * Decodes a {@code data:} URI image within the download cap: its decoded size is computed from the base64 text
 * first, so an oversized one is refused before a single byte is allocated for it.
 */
public final class DataUris {
    private DataUris() {
    }

    /**
     * @param image an image whose location is a data URI
     * @param maxBytes the largest image accepted (the client's {@code maxDownloadBytes})
     * @return its bytes
     * @throws ResponseTooLargeException when it would decode to more than {@code maxBytes}, before decoding
     * @throws dev.gempix2.core.error.TransportException when it is malformed
     */
    public static byte[] decode(GeneratedImage image, long maxBytes) {
        long size = decodedSize(image.location());
        if (size > maxBytes) {
            throw new ResponseTooLargeException("The data: URI image holds " + size + " bytes, more than the limit of "
                    + maxBytes + " bytes; it was not decoded. Raise maxDownloadBytes (GemPix2Client.Builder"
                    + ".maxDownloadBytes) if images this large are expected.", maxBytes);
        }
        return image.decode().bytes();
    }

    /**
     * @param location a data URI
     * @return how many bytes its base64 payload decodes to (line breaks and padding not counted); 0 without a comma
     */
    static long decodedSize(String location) {
        int comma = location.indexOf(',');
        if (comma < 0) {
            return 0;
        }
        long symbols = 0;
        for (int i = comma + 1; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c != '=' && c != '\r' && c != '\n' && c != ' ' && c != '\t') {
                symbols++;
            }
        }
        return symbols * 3 / 4;
    }
}
