package dev.gempix2.repository.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.port.ImageGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The database down at submit, down after the provider created the task, and rows that cannot be read (H2). */
@Timeout(60)
class BadWeatherTest {
    private static final PollingPolicy FAST_POLLING = PollingPolicy.builder().initialDelay(Duration.ofMillis(100))
            .maxInterval(Duration.ofMillis(200)).build();
    private static DataSource h2;

    private final AtomicInteger submits = new AtomicInteger();
    private final ImageGenerator provider = new ImageGenerator() {
        @Override
        public CompletableFuture<TaskId> submit(ImageRequest request) {
            return CompletableFuture.completedFuture(TaskId.of("ta-" + submits.incrementAndGet()));
        }

        @Override
        public CompletableFuture<Task> query(TaskId id) {
            return CompletableFuture.completedFuture(Task.builder(id, TaskStatus.SUCCESS)
                    .images(List.of(new GeneratedImage("https://img.example/" + id.value() + ".png"))).build());
        }
    };
    private SwitchableDataSource database;
    private JdbcTaskRepository repository;
    private GemPix2Client client;

    @BeforeAll
    static void startH2() {
        h2 = Databases.h2("bad-weather");
    }

    @BeforeEach
    void open() {
        database = new SwitchableDataSource(h2);
        repository = JdbcTaskRepository.create(database);
        Databases.execute(h2, "DELETE FROM gempix2_task");
        client = GemPix2Client.builder().generator(provider).repository(repository).pollingPolicy(FAST_POLLING).build();
    }

    @AfterEach
    void close() {
        client.close();
        repository.close();
    }

    @Test
    void aSubmitWhileTheDatabaseIsDownFailsNamingTheStoreBeforeAnythingIsSent() {
        database.down();

        assertThatThrownBy(() -> client.submit(ImageRequest.of("a lighthouse")))
                .isInstanceOf(GemPix2Exception.class)
                .hasMessageContaining("JdbcTaskRepository (table gempix2_task) could not save record")
                .hasMessageContaining("refused");
        assertThat(submits).hasValue(0);
    }

    @Test
    void aTaskCreatedWhileTheDatabaseIsDownStillCompletesAndIsRecordedOnceTheDatabaseIsBack() throws Exception {
        database.downAfter(1); // the record's insert gets through; saving its task id does not

        Task task = client.generateAsync(ImageRequest.of("a lighthouse")).get(30, TimeUnit.SECONDS);
        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        database.up();

        Eventually.await("the task id saved by a retry", Duration.ofSeconds(20),
                () -> repository.findByTaskId(task.id()).isPresent());
        assertThat(repository.findUnfinished()).extracting(TaskRecord::taskId).containsExactly(java.util.Optional.of(task.id()));
    }

    @Test
    void unreadableRowsAreSkippedAndTheOthersAreStillResumed() {
        Instant now = Instant.now();
        for (int i = 1; i <= 4; i++) {
            repository.save(TaskRecord.submitting("record-" + i, ImageRequest.of("picture " + i), null, now)
                    .withTaskId(TaskId.of("running-" + i), now));
        }
        Databases.execute(h2, "UPDATE gempix2_task SET request_json = '{\"model\": 42' WHERE record_id = 'record-2'");
        Databases.execute(h2, "UPDATE gempix2_task SET row_version = 2 WHERE record_id = 'record-3'");

        List<TaskId> resumed = client.resumeUnfinished();

        assertThat(resumed).containsExactlyInAnyOrder(TaskId.of("running-1"), TaskId.of("running-4"));
        assertThatThrownBy(() -> repository.findByTaskId(TaskId.of("running-2")))
                .isInstanceOf(GemPix2Exception.class).hasMessageContaining("record-2").hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> repository.findByTaskId(TaskId.of("running-3")))
                .hasMessageContaining("record-3").hasMessageContaining("newer version");
    }
}
