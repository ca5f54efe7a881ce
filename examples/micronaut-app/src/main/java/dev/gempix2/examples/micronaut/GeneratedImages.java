package dev.gempix2.examples.micronaut;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer of {@code POST /images}.
 *
 * @param taskId the provider's task id
 * @param images each image: where the provider serves it and where this app saved it
 */
@Serdeable
public record GeneratedImages(String taskId, List<Image> images) {

    /**
     * @param url the image's URL as the provider gave it (or a {@code data:} URI)
     * @param file the file this app wrote
     */
    @Serdeable
    public record Image(String url, String file) {
    }
}
