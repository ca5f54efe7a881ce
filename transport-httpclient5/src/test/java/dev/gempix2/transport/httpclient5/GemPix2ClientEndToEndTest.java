package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.ImageMode;
import dev.gempix2.testkit.ManualClock;
import dev.gempix2.testkit.VirtualTime;
import dev.gempix2.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code GemPix2Client} over this transport against the fake backend, on virtual time. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class GemPix2ClientEndToEndTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    private VirtualTime time;
    private FakeGemPix2Backend fake;
    private HttpClient5Transport transport;
    private GemPix2Client client;

    @BeforeAll
    void start() {
        ManualClock clock = new ManualClock();
        time = new VirtualTime(clock);
        fake = FakeGemPix2Backend.builder().clock(clock).start();
        transport = HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
        client = clientWith(GemPix2Client.DEFAULT_MAX_DOWNLOAD_BYTES);
    }

    private GemPix2Client clientWith(long maxDownloadBytes) {
        return GemPix2Client.builder()
                .generator(time.track(transport))
                .clock(time.clock())
                .callbackExecutor(Runnable::run)
                .maxDownloadBytes(maxDownloadBytes)
                .build();
    }

    @BeforeEach
    void forgetThePreviousTest() {
        fake.reset();
    }

    @AfterAll
    void stop() {
        client.close();
        transport.close();
        fake.close();
    }

    private <T> T value(CompletableFuture<T> future) throws Exception {
        return time.runUntilDone(future).get();
    }

    private Throwable failure(CompletableFuture<?> future) throws Exception {
        try {
            time.runUntilDone(future).get();
        } catch (ExecutionException failed) {
            return failed.getCause();
        }
        throw new AssertionError("expected a failure, got " + future.join());
    }

    @Test
    void generateReturnsImageUrlsThatDownloadAsPng() throws Exception {
        fake.onEveryTask().succeedWith(2);

        Task task = value(client.generateAsync(ImageRequest.of("two foxes")));
        byte[] first = value(client.downloadAsync(task.images().get(0)));

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.images()).hasSize(2).noneMatch(GeneratedImage::isDataUri);
        assertThat(first).startsWith(PNG_SIGNATURE);
    }

    @Test
    void generateWithDataUriResultsDecodesThemWithoutAnotherRequest() throws Exception {
        fake.onEveryTask().imagesAs(ImageMode.DATA_URI);

        Task task = value(client.generateAsync(ImageRequest.of("a data uri")));
        int requestsBefore = fake.requests().size();
        byte[] bytes = value(client.downloadAsync(task.images().get(0)));

        assertThat(task.images().get(0).isDataUri()).isTrue();
        assertThat(bytes).startsWith(PNG_SIGNATURE).isEqualTo(task.images().get(0).decode().bytes());
        assertThat(fake.requests()).hasSize(requestsBefore);
    }

    @Test
    void aFailedTaskFailsTheGenerateWithTheProvidersReason() throws Exception {
        fake.onEveryTask().failWith("prompt violates the content policy");

        Throwable failure = failure(client.generateAsync(ImageRequest.of("forbidden")));

        assertThat(failure).isInstanceOf(TaskFailedException.class);
        assertThat(((TaskFailedException) failure).reason()).contains("content policy");
    }

    @Test
    void aTaskThatNeverFinishesTimesOutAtTheWaitTimeoutOnVirtualTime() throws Exception {
        fake.onEveryTask().neverFinish();
        var start = time.clock().now();

        Throwable failure = failure(client.generateAsync(ImageRequest.of("slow"), Duration.ofSeconds(30)));

        assertThat(failure).isInstanceOf(TaskTimeoutException.class);
        assertThat(((TaskTimeoutException) failure).lastSnapshot()).isPresent();
        assertThat(Duration.between(start, time.clock().now())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void queriesAreRetriedThroughServerErrors() throws Exception {
        fake.onEveryTask().finishImmediately().onQuery(Fault.status(500), 2);

        Task task = value(client.generateAsync(ImageRequest.of("resilient")));

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(fake.queriesFor(task.id())).hasSize(3);
    }

    @Test
    void queriesAreRetriedThroughADroppedConnection() throws Exception {
        fake.onEveryTask().finishImmediately().onQuery(Fault.dropConnection());

        Task task = value(client.generateAsync(ImageRequest.of("resilient")));

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(fake.queriesFor(task.id())).hasSize(2);
    }

    @Test
    void aRateLimitedQueryIsRetriedAfterTheRetryAfterDelay() throws Exception {
        fake.onEveryTask().finishImmediately().onQuery(Fault.rateLimited(Duration.ofSeconds(7)));

        Task task = value(client.generateAsync(ImageRequest.of("patient")));

        List<RecordedRequest> queries = fake.queriesFor(task.id());
        assertThat(queries).hasSize(2);
        assertThat(Duration.between(queries.get(0).receivedAt(), queries.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aRateLimitedSubmitIsRetriedAndCreatesOneTask() throws Exception {
        fake.onEveryTask().finishImmediately().onSubmit(Fault.rateLimited(Duration.ofSeconds(3)));

        Task task = value(client.generateAsync(ImageRequest.of("patient")));

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(fake.submitCount()).isEqualTo(2);
        assertThat(fake.taskIds()).containsExactly(task.id());
    }

    @Test
    void aSubmitWhoseConnectionDroppedIsNotResent() throws Exception {
        fake.onEveryTask().onSubmit(Fault.dropConnection());

        Throwable failure = failure(client.generateAsync(ImageRequest.of("costly")));

        assertThat(failure).isInstanceOf(TransportException.class);
        assertThat(((TransportException) failure).requestMayHaveReachedServer()).isTrue();
        assertThat(fake.submitCount()).isEqualTo(1);
    }

    @Test
    void aDownloadLargerThanTheCapFailsWithTransportException() throws Exception {
        fake.onEveryTask().finishImmediately();
        Task task = value(client.generateAsync(ImageRequest.of("big")));
        try (GemPix2Client strict = clientWith(16)) {
            Throwable failure = failure(strict.downloadAsync(task.images().get(0)));

            assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("limit of 16 bytes");
        }
    }

    @Test
    void taskReadsOneSnapshot() throws Exception {
        TaskId id = value(client.submitAsync(ImageRequest.of("a snapshot")));

        assertThat(value(client.taskAsync(id)).status()).isEqualTo(TaskStatus.PENDING);
    }
}
