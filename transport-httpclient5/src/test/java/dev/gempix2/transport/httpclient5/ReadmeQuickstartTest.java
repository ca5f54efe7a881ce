package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.testkit.FakeGemPix2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quickstart, run for real: {@code GemPix2Client.fromEnv} finds this transport, generates against
 * the fake backend (in real time: one poll after the default 2 s), downloads and saves.
 */
@Timeout(60)
class ReadmeQuickstartTest {

    /** The body of the README's {@code main}, word for word. */
    static Path quickstart(GemPix2Client client, Path out) {
        Task task = client.generate(ImageRequest.of("a lighthouse at dawn, oil painting"));
        GeneratedImage image = task.images().get(0);

        byte[] bytes = client.download(image);                 // a URL is fetched, a data: URI decoded
        Path file = client.save(image, out);                   // named after the image, real extension

        System.out.println("Saved " + bytes.length + " bytes to " + file
                + " (" + task.consumedCredits().map(Object::toString).orElse("?") + " credits)");
        return file;
    }

    @Test
    void theQuickstartGeneratesDownloadsAndSavesAPng(@TempDir Path out) throws Exception {
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.start()) {
            fake.onEveryTask().finishImmediately();
            Map<String, String> environment = Map.of(
                    "GEMPIX2_API_KEY", fake.apiKey().reveal(),
                    "GEMPIX2_BASE_URL", fake.baseUrl().toString());

            Path file;
            try (GemPix2Client client = GemPix2Client.fromEnv(environment)) {
                file = quickstart(client, out);
            }

            assertThat(file).startsWith(out).hasExtension("png");
            assertThat(Files.readAllBytes(file)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }
}
