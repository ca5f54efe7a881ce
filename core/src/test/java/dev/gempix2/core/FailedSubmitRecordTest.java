package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.port.TaskRepository;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A failed submit leaves a finished record when it certainly created no task, an unfinished one otherwise. */
class FailedSubmitRecordTest {
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final InMemoryTaskRepository repository = new InMemoryTaskRepository();
    private final List<TaskRecord> saved = new ArrayList<>();
    private final TaskRepository recording = new TaskRepository() {
        @Override
        public void save(TaskRecord record) {
            saved.add(record);
            repository.save(record);
        }

        @Override
        public Optional<TaskRecord> findByTaskId(TaskId id) {
            return repository.findByTaskId(id);
        }

        @Override
        public Optional<TaskRecord> findByCallbackToken(String callbackToken) {
            return repository.findByCallbackToken(callbackToken);
        }

        @Override
        public List<TaskRecord> findUnfinished() {
            return repository.findUnfinished();
        }
    };

    @Test
    void aSubmitRejectedWith401LeavesAnAbandonedRecordNamingTheFailure() {
        GemPix2Client client = TestClients.on(generator, clock).repository(recording).build();
        generator.submits().thenFail(new AuthenticationException(-1, "invalid api key", null));

        CompletableFuture<TaskId> submitted = client.submitAsync(ImageRequest.of("a cat"));

        assertThat(submitted).isCompletedExceptionally();
        assertThat(repository.findUnfinished()).isEmpty();
        assertThat(repository.size()).isEqualTo(1);
        assertThat(saved.get(saved.size() - 1)).satisfies(record -> {
            assertThat(record.isFinished()).isTrue();
            assertThat(record.taskId()).isEmpty();
            assertThat(record.abandonedBecause()).hasValueSatisfying(reason ->
                    assertThat(reason).contains("AuthenticationException").contains("401"));
        });
    }

    @Test
    void aConnectionRefusedAfterEveryRetryLeavesNoUnfinishedRecord() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository).build();
        generator.submits().thenFail(4, new TransportException("connection refused", false, null));

        CompletableFuture<TaskId> submitted = client.submitAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(60);

        assertThat(submitted).isCompletedExceptionally();
        assertThat(generator.submits().calls()).hasSize(4);
        assertThat(repository.findUnfinished()).isEmpty();
    }

    @Test
    void aSubmitThatMayHaveCreatedATaskStaysInDoubtAndACallbackStillAdoptsIt() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository)
                .callbackBaseUrl(URI.create("https://app.example/cb")).build();
        generator.submits().thenFail(new ServerException(504, -1, null, null, null));
        generator.queries().thenReturn(Tasks.success("t1"));

        CompletableFuture<TaskId> submitted = client.submitAsync(ImageRequest.of("a cat"));
        List<TaskRecord> inDoubt = repository.findUnfinished();
        String url = generator.submits().calls().get(0).callbackUrl().orElseThrow().toString();
        CallbackOutcome outcome = client.callbacks().receive(url.substring(url.lastIndexOf('/') + 1),
                Tasks.success("t1"));

        assertThat(submitted).isCompletedExceptionally();
        assertThat(inDoubt).singleElement().satisfies(record -> {
            assertThat(record.taskId()).isEmpty();
            assertThat(record.abandonedBecause()).isEmpty();
        });
        assertThat(outcome).isEqualTo(CallbackOutcome.ACCEPTED);
        assertThat(repository.findByTaskId(TaskId.of("t1"))).hasValueSatisfying(record ->
                assertThat(record.lastSnapshot().map(Task::status)).contains(TaskStatus.SUCCESS));
        assertThat(repository.findUnfinished()).isEmpty();
    }
}
