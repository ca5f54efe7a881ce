package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageGenerator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images: data URIs decoded locally, URLs fetched with a size cap, files written without overwriting. */
class DownloadAndSaveTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};

    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final GemPix2Client client = TestClients.on(generator, clock).build();

    @TempDir
    Path dir;

    @Test
    void aDataUriIsDecodedWithoutAnyNetwork() {
        GeneratedImage image = dataUri("image/png", PNG);

        assertThat(client.download(image)).isEqualTo(PNG);
        assertThat(generator.downloads().count()).isZero();
    }

    @Test
    void aUrlIsFetchedByTheDownloaderWithTheDefaultSizeCap() {
        generator.downloads().thenReturn(PNG);

        byte[] bytes = client.download(new GeneratedImage("https://img.example/cat.png"));

        assertThat(bytes).isEqualTo(PNG);
        assertThat(generator.downloads().calls()).containsExactly(URI.create("https://img.example/cat.png"));
        assertThat(generator.lastMaxBytes()).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void theSizeCapIsConfigurable() {
        GemPix2Client capped = TestClients.on(generator, clock).maxDownloadBytes(1000).build();
        generator.downloads().thenReturn(PNG);

        capped.download(new GeneratedImage("https://img.example/cat.png"));

        assertThat(generator.lastMaxBytes()).isEqualTo(1000);
    }

    @Test
    void aLocationThatIsNeitherHttpNorDataFailsWithoutDownloading() {
        assertThatThrownBy(() -> client.download(new GeneratedImage("ftp://img.example/cat.png")))
                .isInstanceOf(TransportException.class).hasMessageContaining("http");
        assertThat(generator.downloads().count()).isZero();
    }

    @Test
    void withoutADownloaderAUrlCannotBeFetchedAndTheErrorSaysHowToSetOne() {
        ImageGenerator generatorOnly = new ImageGenerator() {
            @Override
            public CompletableFuture<TaskId> submit(ImageRequest request) {
                return generator.submit(request);
            }

            @Override
            public CompletableFuture<Task> query(TaskId id) {
                return generator.query(id);
            }
        };
        GemPix2Client noDownloads = GemPix2Client.builder().generator(generatorOnly).clock(clock).build();

        assertThatThrownBy(() -> noDownloads.download(new GeneratedImage("https://img.example/cat.png")))
                .isInstanceOf(GemPix2Exception.class).hasMessageContaining("downloader(");
        noDownloads.close();
    }

    @Test
    void saveNamesTheFileAfterTheUrlWithTheExtensionOfTheRealMediaType() throws IOException {
        generator.downloads().thenReturn(PNG);
        Path target = dir.resolve("new/sub");

        Path file = client.save(new GeneratedImage("https://img.example/2025/08/1756432513771985292_2989.jpg?sig=x"),
                target);

        assertThat(file).isEqualTo(target.resolve("1756432513771985292_2989.png"));
        assertThat(Files.readAllBytes(file)).isEqualTo(PNG);
        assertThat(target).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void aDataUriIsSavedUnderAContentHash() {
        Path file = client.save(dataUri("image/jpeg", JPEG), dir);

        assertThat(file.getFileName().toString()).matches("gempix2-[0-9a-f]{16}\\.jpg");
    }

    @Test
    void anUnsaneUrlSegmentFallsBackToAContentHash() {
        generator.downloads().thenReturn(PNG);

        Path file = client.save(new GeneratedImage("https://img.example/..%2F..%2Fetc%2Fpasswd"), dir);

        assertThat(file.getParent()).isEqualTo(dir);
        assertThat(file.getFileName().toString()).matches("gempix2-[0-9a-f]{16}\\.png");
    }

    @Test
    void aDifferentExistingFileIsNeverOverwritten() throws IOException {
        Files.write(dir.resolve("cat.png"), new byte[] {1, 2, 3});
        generator.downloads().thenReturn(PNG);

        Path file = client.save(new GeneratedImage("https://img.example/cat.png"), dir);

        assertThat(file).isEqualTo(dir.resolve("cat-1.png"));
        assertThat(Files.readAllBytes(dir.resolve("cat.png"))).containsExactly(1, 2, 3);
    }

    @Test
    void savingTheSameImageTwiceReusesTheFile() {
        generator.downloads().thenReturn(PNG).thenReturn(PNG);
        GeneratedImage image = new GeneratedImage("https://img.example/cat.png");

        Path first = client.save(image, dir);
        Path second = client.save(image, dir);

        assertThat(second).isEqualTo(first);
        assertThat(dir.toFile().list()).containsExactly("cat.png");
    }

    private static GeneratedImage dataUri(String mediaType, byte[] bytes) {
        return new GeneratedImage("data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes));
    }
}
