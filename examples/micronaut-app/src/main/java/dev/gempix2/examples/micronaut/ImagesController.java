package dev.gempix2.examples.micronaut;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.micronaut.GemPix2Configuration;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /images}: generates pictures for a prompt, saves them under {@code app.images-dir}, and answers
 * with their URLs and files. Non-blocking: the request holds no thread while GemPix2 works.
 */
@Controller("/images")
public class ImagesController {
    private final GemPix2Client gempix2;
    private final GemPix2Configuration configuration;
    private final Path imagesDir;

    /**
     * @param gempix2 the client the adapter configured from {@code gempix2.*}
     * @param configuration the {@code gempix2.*} keys, for the configured model
     * @param imagesDir where pictures are saved
     */
    public ImagesController(GemPix2Client gempix2, GemPix2Configuration configuration,
                            @Value("${app.images-dir:images}") Path imagesDir) {
        this.gempix2 = gempix2;
        this.configuration = configuration;
        this.imagesDir = imagesDir;
    }

    /**
     * @param body the prompt
     * @return 200 with the images; 400 for a bad prompt; 502 when the generation failed; 504 when it took too long
     */
    @Post
    public CompletableFuture<HttpResponse<?>> generate(@Body GenerateImages body) {
        ImageRequest request;
        try {
            request = ImageRequest.builder().model(configuration.model()).prompt(body.prompt()).build();
        } catch (InvalidRequestException invalid) {
            return CompletableFuture.completedFuture(problem(HttpStatus.BAD_REQUEST, invalid.getMessage()));
        }
        return gempix2.generateAsync(request)
                .thenCompose(this::saveAll)
                .<HttpResponse<?>>thenApply(HttpResponse::ok)
                .exceptionally(ImagesController::asResponse);
    }

    private CompletableFuture<GeneratedImages> saveAll(Task task) {
        List<CompletableFuture<GeneratedImages.Image>> saved = new ArrayList<>();
        for (GeneratedImage image : task.images()) {
            String url = image.isDataUri() ? null : image.location();
            saved.add(gempix2.saveAsync(image, imagesDir)
                    .thenApply(file -> new GeneratedImages.Image(url, file.toAbsolutePath().toString())));
        }
        return CompletableFuture.allOf(saved.toArray(CompletableFuture[]::new))
                .thenApply(done -> new GeneratedImages(task.id().value(),
                        saved.stream().map(CompletableFuture::join).toList()));
    }

    private static HttpResponse<?> asResponse(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof InvalidRequestException invalid) {
            return problem(HttpStatus.BAD_REQUEST, invalid.getMessage());
        }
        if (cause instanceof TaskFailedException failed) {
            return problem(HttpStatus.BAD_GATEWAY, "the generation failed: " + failed.reason());
        }
        if (cause instanceof TaskTimeoutException) {
            return problem(HttpStatus.GATEWAY_TIMEOUT, "the generation took too long; try again later");
        }
        if (cause instanceof AuthenticationException) {
            // The user of this service cannot fix the operator's key: say so without details.
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "the image service is not configured correctly");
        }
        if (cause instanceof GemPix2Exception gempix2) {
            return problem(HttpStatus.BAD_GATEWAY, gempix2.getMessage());
        }
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "could not generate the images");
    }

    private static HttpResponse<?> problem(HttpStatus status, String message) {
        return HttpResponse.status(status).body(Map.of("message", message));
    }
}
