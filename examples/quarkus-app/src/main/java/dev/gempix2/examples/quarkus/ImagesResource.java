package dev.gempix2.examples.quarkus;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.quarkus.GemPix2Config;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /images}: generates an image and answers once it is done. The wait holds no thread: the client
 * completes it from the callback (or a poll), and Quarkus answers then.
 */
@Path("/images")
public class ImagesResource {
    private final GemPix2Client client;
    private final GemPix2Config config;

    ImagesResource(GemPix2Client client, GemPix2Config config) {
        this.client = client;
        this.config = config;
    }

    /**
     * @param body the prompt and, optionally, the model
     * @return the finished task
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<GeneratedImages> generate(GenerateImage body) {
        ImageRequest request = ImageRequest.builder()
                .model(body == null || body.model() == null ? config.model() : body.model())
                .prompt(body == null ? null : body.prompt())
                .build();
        return client.generateAsync(request).thenApply(GeneratedImages::of);
    }
}
