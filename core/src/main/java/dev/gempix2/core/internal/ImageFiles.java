package dev.gempix2.core.internal;

import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageData;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Writes downloaded images into a directory: named after the URL's last path segment when it is a sane file
 * name, else after a hash of the content; the extension from the bytes' real media type. A different file of
 * the same name is never overwritten: the new one gets a numbered name.
 */
public final class ImageFiles {
    private static final Pattern SANE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MAX_NUMBERED = 1000;

    private ImageFiles() {
    }

    /**
     * @param image where the bytes came from (for the name)
     * @param bytes the image's bytes
     * @param directory where to write; created when missing
     * @return the file holding the bytes (an identical existing file is reused)
     * @throws GemPix2Exception when the file cannot be written
     */
    public static Path save(GeneratedImage image, byte[] bytes, Path directory) {
        ImageData data = ImageData.sniff(bytes);
        if (data.fileExtension().equals("bin") && image.isDataUri()) {
            data = new ImageData(image.decode().mediaType(), bytes);
        }
        String base = baseName(image, bytes);
        String extension = data.fileExtension();
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, ".gempix2-", ".part");
            try {
                Files.write(temp, bytes);
                for (int n = 0; n < MAX_NUMBERED; n++) {
                    Path target = directory.resolve(n == 0 ? base + "." + extension : base + "-" + n + "." + extension);
                    if (Files.exists(target) && sameContent(target, bytes)) {
                        return target;
                    }
                    try {
                        return Files.move(temp, target);
                    } catch (FileAlreadyExistsException taken) {
                        // Another file has this name: try the next number.
                    }
                }
                throw new GemPix2Exception("Could not find a free file name for " + base + "." + extension
                        + " in " + directory);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException failed) {
            throw new GemPix2Exception("Could not write the image into " + directory + ": " + failed, failed);
        }
    }

    static String baseName(GeneratedImage image, byte[] bytes) {
        String segment = image.url().map(URI::getRawPath).map(ImageFiles::lastSegment).orElse("");
        int dot = segment.lastIndexOf('.');
        String stem = dot > 0 ? segment.substring(0, dot) : segment;
        return SANE_NAME.matcher(stem).matches() ? stem : "gempix2-" + sha256(bytes).substring(0, 16);
    }

    private static String lastSegment(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static boolean sameContent(Path file, byte[] bytes) throws IOException {
        return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
