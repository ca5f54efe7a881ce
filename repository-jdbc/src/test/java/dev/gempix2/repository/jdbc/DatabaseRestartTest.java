package dev.gempix2.repository.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.port.TaskRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL restarts under the listening connection: it reconnects, and the push works again. */
@Timeout(120)
class DatabaseRestartTest {
    @TempDir
    Path data;

    @Test
    void theListeningConnectionReconnectsAfterADatabaseRestartAndPushesAgain() throws Exception {
        Path directory = Files.createDirectories(data.resolve("pg"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                .start();
        int port = postgres.getPort();
        JdbcTaskRepository listening = JdbcTaskRepository.builder(postgres.getPostgresDatabase()).instanceId("a").build();
        CompletableFuture<TaskRecord> pushed = new CompletableFuture<>();
        try (TaskRepository.Subscription subscription = listening.subscribe(pushed::complete)) {
            Eventually.await("listening", Duration.ofSeconds(20), listening::isListening);

            postgres.close();
            Eventually.await("the listener noticing the database is gone", Duration.ofSeconds(20),
                    () -> !listening.isListening());
            postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).setPort(port)
                    .start();
            Eventually.await("listening again", Duration.ofSeconds(60), listening::isListening);

            try (JdbcTaskRepository other = JdbcTaskRepository.builder(postgres.getPostgresDatabase()).instanceId("b")
                    .build()) {
                Instant now = Instant.now();
                other.save(TaskRecord.submitting("r1", ImageRequest.of("a lighthouse"), null, now)
                        .withSnapshot(Task.of(TaskId.of("ta-1"), TaskStatus.FAILED), now));
            }
            assertThat(pushed.get(20, TimeUnit.SECONDS).recordId()).isEqualTo("r1");
        } finally {
            listening.close();
            postgres.close();
        }
    }
}
