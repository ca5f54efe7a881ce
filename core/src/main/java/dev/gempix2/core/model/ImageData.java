package dev.gempix2.core.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The bytes of an image and their media type.
 *
 * @param mediaType e.g. {@code image/png}
 * @param bytes the encoded image (a defensive copy is kept and returned)
 */
public record ImageData(String mediaType, byte[] bytes) {

    /**
     * Copies the bytes so that the record stays immutable.
     *
     * @param mediaType e.g. {@code image/png}
     * @param bytes the encoded image (a defensive copy is kept and returned)
     */
    public ImageData {
        if (mediaType == null || mediaType.isBlank()) {
            mediaType = "application/octet-stream";
        }
        bytes = bytes == null ? new byte[0] : bytes.clone();
    }

    /**
     * Reads the media type from the bytes' signature (PNG, JPEG, GIF, WebP), for downloads that give none.
     *
     * @param bytes the encoded image
     * @return the image with its sniffed media type, {@code application/octet-stream} when unknown
     */
    public static ImageData sniff(byte[] bytes) {
        return new ImageData(sniffMediaType(bytes), bytes);
    }

    /** @return a copy of the encoded image */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the file name extension for the media type: {@code png}, {@code jpg}, {@code webp}, {@code gif} or {@code bin} */
    public String fileExtension() {
        String subtype = mediaType.toLowerCase(Locale.ROOT);
        if (subtype.startsWith("image/")) {
            subtype = subtype.substring("image/".length());
        }
        return switch (subtype) {
            case "png" -> "png";
            case "jpeg", "jpg" -> "jpg";
            case "webp" -> "webp";
            case "gif" -> "gif";
            default -> "bin";
        };
    }

    static String sniffMediaType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return "application/octet-stream";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageData that && mediaType.equals(that.mediaType) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * mediaType.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ImageData[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
