package dev.gempix2.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageData;
import dev.gempix2.core.model.Task;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the commands print on stdout: the files written (one path a line), or with {@code --json} one
 * document. Nothing else goes to stdout, so that it pipes cleanly.
 */
public final class TaskOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskOutput() {
    }

    /**
     * One image of a task, as the command handled it.
     *
     * @param number its position in the result, from 1
     * @param location the URL or data URI as received
     * @param file where it was written, null when not downloaded
     * @param mediaType its real media type, null when not downloaded
     */
    public record Image(int number, String location, Path file, String mediaType) {
    }

    /**
     * Fetches (or decodes) each image and writes it, unless told not to.
     *
     * @param client the client that ran the task
     * @param task the successful task
     * @param options where to write, and whether to
     * @return the images, in the task's order
     */
    public static List<Image> save(GemPix2Client client, Task task, ResultOptions options) {
        List<Image> images = new ArrayList<>();
        ImageFiles files = new ImageFiles(options.out());
        List<GeneratedImage> generated = task.images();
        for (int i = 0; i < generated.size(); i++) {
            GeneratedImage image = generated.get(i);
            int number = i + 1;
            if (options.noDownload()) {
                images.add(new Image(number, image.location(), null, null));
                continue;
            }
            ImageData data = mediaTypeOf(image, client.download(image));
            Path file = files.write(task.id(), number, data);
            images.add(new Image(number, image.location(), file, data.mediaType()));
        }
        return images;
    }

    /** The bytes decide; a data URI's declared type is the fallback for a format we do not sniff. */
    private static ImageData mediaTypeOf(GeneratedImage image, byte[] bytes) {
        ImageData sniffed = ImageData.sniff(bytes);
        if (sniffed.mediaType().startsWith("image/") || !image.isDataUri()) {
            return sniffed;
        }
        return new ImageData(image.decode().mediaType(), bytes);
    }

    /**
     * @param out stdout
     * @param task the task
     * @param images what {@link #save} did with its images
     * @param json whether to print JSON
     */
    public static void printResult(PrintWriter out, Task task, List<Image> images, boolean json) {
        if (json) {
            out.println(toJson(document(task, images)));
        } else {
            images.forEach(image -> out.println(image.file() != null ? image.file().toString() : image.location()));
        }
        out.flush();
    }

    /**
     * The JSON document of {@code --json}: {@code task_id}, {@code status}, {@code consumed} (the provider's
     * decimal string), {@code status_message}, and {@code images} with {@code number}, {@code file},
     * {@code media_type} and {@code url} (null for inline images, unless not downloaded: then the data URI).
     *
     * @param task the task
     * @param images its images as handled
     * @return the document as maps and lists
     */
    public static Map<String, Object> document(Task task, List<Image> images) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("task_id", task.id().value());
        document.put("status", task.status().wireValue());
        document.put("consumed", task.consumedCredits().map(credits -> credits.toPlainString()).orElse(null));
        document.put("status_message", task.statusMessage().orElse(null));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Image image : images) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", image.number());
            entry.put("file", image.file() == null ? null : image.file().toString());
            entry.put("media_type", image.mediaType());
            boolean inline = image.location().regionMatches(true, 0, "data:", 0, 5);
            entry.put("url", inline && image.file() != null ? null : image.location());
            list.add(entry);
        }
        document.put("images", list);
        return document;
    }

    /**
     * @param document maps, lists and plain values
     * @return the document as one line of JSON
     */
    public static String toJson(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
