package dev.gempix2.cli.internal;

import dev.gempix2.core.model.ImageData;
import dev.gempix2.core.model.TaskId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where the command writes images: {@code <dir>/<task-id>-<n>.<ext>}, numbered from 1, the extension taken
 * from the bytes themselves (a PNG is {@code .png} whatever the URL said).
 */
public final class ImageFiles {
    private final Path directory;

    /** @param directory where files go; created when the first image is written */
    public ImageFiles(Path directory) {
        this.directory = directory;
    }

    /**
     * @param id the task
     * @param number the image's position in the result, from 1
     * @param image the image's bytes and media type
     * @return the file's name; characters other than letters, digits, {@code .}, {@code _} and {@code -} in
     *         the task id become {@code _}, so that no id can point outside the directory
     */
    public static String fileName(TaskId id, int number, ImageData image) {
        String safeId = id.value().replaceAll("[^A-Za-z0-9._-]", "_");
        if (safeId.startsWith(".")) {
            safeId = "_" + safeId.substring(1);
        }
        return safeId + "-" + number + "." + image.fileExtension();
    }

    /**
     * Writes one image, replacing a file of the same name (the same task's image written before).
     *
     * @param id the task
     * @param number the image's position, from 1
     * @param image the image
     * @return the file written
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public Path write(TaskId id, int number, ImageData image) {
        Path file = directory.resolve(fileName(id, number, image));
        try {
            Files.createDirectories(directory);
            Files.write(file, image.bytes());
            return file;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + file + ": " + reason(failure), failure);
        }
    }

    private static String reason(IOException failure) {
        if (failure instanceof NoSuchFileException missing) {
            return "no such directory: " + missing.getFile();
        }
        if (failure instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (failure instanceof FileAlreadyExistsException inTheWay) {
            return "a file is in the way: " + inTheWay.getFile();
        }
        if (failure instanceof FileSystemException other && other.getReason() != null) {
            return other.getReason() + (other.getFile() == null ? "" : ": " + other.getFile());
        }
        return String.valueOf(failure.getMessage());
    }
}
