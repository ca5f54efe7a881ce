package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.defaults.InMemoryTaskRepository;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GenerateAndAwaitTest {
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final InMemoryTaskRepository repository = new InMemoryTaskRepository();
    private final GemPix2Client client = TestClients.on(generator, clock).repository(repository).build();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void generateSubmitsPollsAndCompletesWithTheSuccessfulTask() {
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().thenReturn(Tasks.at("t1", TaskStatus.PENDING))
                .thenReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS))
                .thenReturn(Tasks.success("t1"));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a lighthouse at dawn"));
        clock.advanceSeconds(10);

        assertThat(result).isCompletedWithValueMatching(task -> task.status() == TaskStatus.SUCCESS
                && task.images().size() == 1);
        assertThat(generator.submits().calls()).extracting(ImageRequest::prompt).containsExactly("a lighthouse at dawn");
        assertThat(generator.queries().count()).isEqualTo(3);
        assertThat(clock.pending()).as("nothing left scheduled").isZero();
    }

    @Test
    void submitRecordsTheTaskAndReturnsItsId() {
        generator.submits().thenReturn(TaskId.of("t1"));

        TaskId id = client.submit(ImageRequest.of("a cat"));

        assertThat(id).isEqualTo(TaskId.of("t1"));
        assertThat(repository.findByTaskId(id)).hasValueSatisfying(record -> {
            assertThat(record.request().orElseThrow().prompt()).isEqualTo("a cat");
            assertThat(record.callbackToken()).isEmpty();
            assertThat(record.isFinished()).isFalse();
        });
    }

    @Test
    void theBlockingSubmitThrowsTheProvidersErrorItself() {
        generator.submits().thenFail(InvalidRequestException.rejected(1, "failed", "prompt is required"));

        assertThatThrownBy(() -> client.submit(ImageRequest.of("a cat")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("prompt is required");
    }

    @Test
    void theBlockingTaskQueryThrowsAnAuthenticationErrorItself() {
        generator.queries().thenFail(new AuthenticationException(401, "Invalid API key", null));

        assertThatThrownBy(() -> client.task(TaskId.of("t1")))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("renew the key");
    }

    @Test
    void taskReturnsOneSnapshotAndRecordsIt() {
        generator.submits().thenReturn(TaskId.of("t1"));
        client.submit(ImageRequest.of("a cat"));
        generator.queries().thenReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));

        Task task = client.task(TaskId.of("t1"));

        assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(repository.findByTaskId(TaskId.of("t1")).flatMap(r -> r.lastSnapshot()))
                .hasValueSatisfying(snapshot -> assertThat(snapshot.status()).isEqualTo(TaskStatus.IN_PROGRESS));
    }

    @Test
    void aFailedTaskFailsTheWaitWithTheProvidersReason() {
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().thenReturn(Tasks.failed("t1", "content policy violation"));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(2);

        assertThat(result).isCompletedExceptionally();
        assertThatThrownBy(result::join).cause()
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("t1")
                .hasMessageContaining("content policy violation");
    }

    @Test
    void theBlockingAwaitOfAnAlreadyFailedTaskThrowsTaskFailedExceptionItself() {
        generator.submits().thenReturn(TaskId.of("t1"));
        TaskId id = client.submit(ImageRequest.of("a cat"));
        generator.queries().thenReturn(Tasks.failed("t1", "quota exceeded"));
        client.task(id);

        assertThatThrownBy(() -> client.await(id))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("quota exceeded");
        assertThat(generator.queries().count()).as("the final state was already recorded").isEqualTo(1);
    }

    @Test
    void theBlockingAwaitOfAnAlreadySuccessfulTaskReturnsIt() {
        generator.submits().thenReturn(TaskId.of("t1"));
        TaskId id = client.submit(ImageRequest.of("a cat"));
        generator.queries().thenReturn(Tasks.success("t1"));
        client.task(id);

        assertThat(client.await(id).status()).isEqualTo(TaskStatus.SUCCESS);
    }
}
