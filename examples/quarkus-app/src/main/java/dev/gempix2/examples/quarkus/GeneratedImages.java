package dev.gempix2.examples.quarkus;

import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.Task;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The answer of {@code POST /images}.
 *
 * @param taskId the provider's task id
 * @param status the final status
 * @param images where each image is (URL or data URI)
 * @param consumedCredits the credits the task cost, when told
 */
@RegisterForReflection
public record GeneratedImages(String taskId, String status, List<String> images, String consumedCredits) {

    static GeneratedImages of(Task task) {
        return new GeneratedImages(task.id().value(), task.status().wireValue(),
                task.images().stream().map(GeneratedImage::location).toList(),
                task.consumedCredits().map(Object::toString).orElse(null));
    }
}
