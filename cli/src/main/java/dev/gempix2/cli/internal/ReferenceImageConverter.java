package dev.gempix2.cli.internal;

import dev.gempix2.core.model.ImageData;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the value of {@code --image}: an http(s) URL or a {@code data:} URI is passed on as it is; anything
 * else is a local file, read and sent inline as a {@code data:} URI whose media type comes from the file's
 * bytes (so a PNG named {@code .jpg} is still sent as {@code image/png}).
 */
public final class ReferenceImageConverter implements ITypeConverter<URI> {
    /** Larger files would make a request body the provider is unlikely to take. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    @Override
    public URI convert(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("data:")) {
            try {
                return new URI(value.strip());
            } catch (java.net.URISyntaxException malformed) {
                throw new TypeConversionException("'" + value + "' is not a valid URL: " + malformed.getReason());
            }
        }
        return dataUriOf(file(value));
    }

    private static Path file(String value) {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException invalid) {
            throw new TypeConversionException("'" + value + "' is neither an http(s) URL nor a file path");
        }
        if (!Files.isRegularFile(path)) {
            throw new TypeConversionException("no file at '" + value
                    + "' (give an http(s) URL or the path of a PNG, JPEG, GIF or WebP file)");
        }
        return path;
    }

    private static URI dataUriOf(Path path) {
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new TypeConversionException("'" + path + "' is larger than "
                        + MAX_FILE_BYTES / (1024 * 1024) + " MiB; pass a smaller image or an http(s) URL");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException unreadable) {
            throw new TypeConversionException("cannot read '" + path + "': " + unreadable.getMessage());
        }
        ImageData image = ImageData.sniff(bytes);
        if (!image.mediaType().startsWith("image/")) {
            throw new TypeConversionException("'" + path + "' is not a PNG, JPEG, GIF or WebP image");
        }
        return URI.create("data:" + image.mediaType() + ";base64," + Base64.getEncoder().encodeToString(bytes));
    }
}
