package dev.gempix2.modularcheck.consumer;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.testkit.FakeGemPix2Backend;
import java.time.Duration;
import java.util.Map;

/**
 * Starts the fake, finds the transport through {@code ServiceLoader} ({@code GemPix2Client.fromEnv}), generates
 * one image and prints what the test checks: the task's state and which module each piece was loaded from.
 */
public final class GenerateOnTheModulePath {

    private GenerateOnTheModulePath() {
    }

    /**
     * Runs one generate against a fake started here.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ZERO).start();
             GemPix2Client client = GemPix2Client.fromEnv(Map.of(
                     "GEMPIX2_API_KEY", fake.apiKey().reveal(),
                     "GEMPIX2_BASE_URL", fake.baseUrl().toString()))) {
            Task task = client.generate(ImageRequest.of("a lighthouse on the module path"));
            Module core = GemPix2Client.class.getModule();
            System.out.println("status=" + task.status().wireValue());
            System.out.println("images=" + task.images().size());
            System.out.println("consumer=" + GenerateOnTheModulePath.class.getModule().getName());
            System.out.println("core=" + core.getName());
            System.out.println("core.internal exported=" + core.isExported("dev.gempix2.core.internal"));
        }
    }
}
