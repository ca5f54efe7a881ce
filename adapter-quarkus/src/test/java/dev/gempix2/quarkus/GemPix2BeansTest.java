package dev.gempix2.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.defaults.SystemClock;
import dev.gempix2.core.model.ImageData;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.port.Clock;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.quarkus.internal.VertxImageDownloader;
import dev.gempix2.quarkus.internal.RestClientImageGenerator;
import dev.gempix2.quarkus.testing.FakeGemPix2Resource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@QuarkusTest
@WithTestResource(FakeGemPix2Resource.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GemPix2BeansTest {
    @Inject
    GemPix2Client client;
    @Inject
    TaskRepository repository;
    @Inject
    ImageGenerator generator;
    @Inject
    ImageDownloader downloader;
    @Inject
    Clock clock;
    @Inject
    RecordingListener listener;

    @Test
    void aUsersOwnRepositoryBeanReplacesTheDefaultOne() {
        assertThat(repository).isInstanceOf(UserTaskRepository.class);
    }

    @Test
    void theBeansTheApplicationDidNotReplaceAreTheAdaptersDefaults() {
        assertThat(generator).isInstanceOf(RestClientImageGenerator.class);
        assertThat(downloader).isInstanceOf(VertxImageDownloader.class);
        assertThat(clock).isSameAs(SystemClock.shared());
    }

    @Test
    void theClientKeepsItsTasksInTheUsersRepository() {
        int before = ((UserTaskRepository) repository).saves();

        var id = client.submit(ImageRequest.of("a lighthouse at dusk"));

        assertThat(repository.findByTaskId(id)).isPresent();
        assertThat(((UserTaskRepository) repository).saves()).isGreaterThan(before);
    }

    @Test
    void aGenerationThroughTheInjectedClientSucceedsAndItsImageDownloads() {
        Task task = client.generate(ImageRequest.of("a red bicycle"), Duration.ofSeconds(20));

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        byte[] image = client.download(task.images().get(0));
        assertThat(ImageData.sniff(image).mediaType()).isEqualTo("image/png");
    }

    @Test
    void taskListenerBeansSeeEveryStatusChange() {
        Task task = client.generate(ImageRequest.of("a paper boat"), Duration.ofSeconds(20));

        assertThat(listener.statusesOf(task.id())).contains(TaskStatus.SUCCESS);
    }
}
