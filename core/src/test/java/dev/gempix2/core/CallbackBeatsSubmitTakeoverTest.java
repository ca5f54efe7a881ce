package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Defect 3 of the reliability issue, "a callback that beats the submit answer can take over the wait with
 * another task": a valid token whose record had no task id yet accepted any {@code task_id}, and
 * {@code generate} returned that other task's images. An early callback is now held until the submit answers,
 * and applied only when the ids match.
 */
class CallbackBeatsSubmitTakeoverTest {
    private static final URI BASE = URI.create("https://app.example/gempix2/callback");

    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final InMemoryTaskRepository repository = new InMemoryTaskRepository();
    private final GemPix2Client client = TestClients.on(generator, clock).repository(repository)
            .callbackBaseUrl(BASE).build();

    @Test
    void anEarlyCallbackNamingAnotherTaskIsRejectedOnceTheSubmitAnswers() {
        CompletableFuture<TaskId> submitAnswer = generator.submits().thenHold();
        generator.queries().otherwise(id -> Tasks.success(id.value()));
        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));

        client.callbacks().receive(sentToken(), Tasks.success("someone-elses"));
        submitAnswer.complete(TaskId.of("t1"));
        clock.advance(PollingPolicy.DEFAULT_CALLBACK_SAFETY_INTERVAL);

        assertThat(generator.queries().calls()).as("the other task is never queried").doesNotContain(
                TaskId.of("someone-elses")).contains(TaskId.of("t1"));
        assertThat(result).isCompletedWithValueMatching(task -> task.id().equals(TaskId.of("t1")));
        assertThat(repository.findByTaskId(TaskId.of("someone-elses"))).isEmpty();
    }

    @Test
    void anEarlyCallbackForTheSameTaskIsAppliedOnceTheSubmitAnswers() {
        CompletableFuture<TaskId> submitAnswer = generator.submits().thenHold();
        generator.queries().thenReturn(Tasks.success("t1"));
        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));

        CallbackOutcome outcome = client.callbacks().receive(sentToken(), Tasks.success("t1"));
        assertThat(generator.queries().count()).as("held: nothing confirmed before the submit answers").isZero();
        submitAnswer.complete(TaskId.of("t1"));

        assertThat(outcome).isEqualTo(CallbackOutcome.ACCEPTED);
        assertThat(result).isCompletedWithValueMatching(task -> task.id().equals(TaskId.of("t1")));
    }

    @Test
    void anEarlyCallbackAdoptsTheTaskWhenTheSubmitFailsInDoubt() {
        CompletableFuture<TaskId> submitAnswer = generator.submits().thenHold();
        generator.queries().otherwise(id -> Tasks.success(id.value()));
        client.submitAsync(ImageRequest.of("a cat"));

        client.callbacks().receive(sentToken(), Tasks.success("t9"));
        submitAnswer.completeExceptionally(new ServerException(500, 1, "oops", null, null));

        assertThat(repository.findByTaskId(TaskId.of("t9"))).as("the task that may exist is adopted").isPresent();
    }

    private String sentToken() {
        List<ImageRequest> sent = generator.submits().calls();
        String url = sent.get(sent.size() - 1).callbackUrl().orElseThrow().toString();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
