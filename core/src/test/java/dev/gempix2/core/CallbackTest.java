package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.model.TaskStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Callbacks: matched by token, confirmed by a query, merged with polling into one wait. */
class CallbackTest {
    private static final URI BASE = URI.create("https://app.example/gempix2/callback");

    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final InMemoryTaskRepository repository = new InMemoryTaskRepository();
    private final List<String> statuses = new ArrayList<>();
    private final GemPix2Client client = TestClients.on(generator, clock).repository(repository)
            .callbackBaseUrl(BASE).listener((record, task) -> statuses.add(task.status().wireValue())).build();

    @Test
    void eachSubmitGetsAFreshTokenSavedBeforeTheRequestIsSent() {
        List<Optional<TaskRecord>> savedBeforeSending = new ArrayList<>();
        generator.submits().otherwise(request -> {
            String token = tokenOf(request);
            savedBeforeSending.add(repository.findByCallbackToken(token));
            return TaskId.of("t" + savedBeforeSending.size());
        });

        client.submit(ImageRequest.of("a cat"));
        client.submit(ImageRequest.of("a dog"));

        List<String> tokens = generator.submits().calls().stream().map(CallbackTest::tokenOf).toList();
        assertThat(tokens).doesNotHaveDuplicates().allMatch(token -> token.matches("[A-Za-z0-9_-]{43}"));
        assertThat(generator.submits().calls()).allMatch(request -> request.callbackUrl().orElseThrow().toString()
                .startsWith(BASE + "/"));
        assertThat(savedBeforeSending).allSatisfy(record -> assertThat(record).hasValueSatisfying(
                saved -> assertThat(saved.taskId()).as("no task id yet").isEmpty()));
    }

    @Test
    void aConfirmedCallbackCompletesTheWaitWithoutWaitingForAPoll() {
        generator.submits().thenReturn(TaskId.of("t1"));
        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        generator.queries().thenReturn(Tasks.success("t1"));

        CallbackOutcome outcome = client.callbacks().receive(sentToken(), Tasks.success("t1"));

        assertThat(outcome).isEqualTo(CallbackOutcome.ACCEPTED);
        assertThat(result).isCompletedWithValueMatching(task -> task.status() == TaskStatus.SUCCESS);
        assertThat(generator.queries().calls()).as("one confirming query").containsExactly(TaskId.of("t1"));
        assertThat(clock.pending()).as("the safety-net poll is cancelled").isZero();
    }

    @Test
    void aCallbackBeforeTheSubmitResponseStillCompletesTheWait() {
        CompletableFuture<TaskId> submitResponse = generator.submits().thenHold();
        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        generator.queries().thenReturn(Tasks.success("t1"));

        CallbackOutcome outcome = client.callbacks().receive(sentToken(), Tasks.success("t1"));
        assertThat(outcome).isEqualTo(CallbackOutcome.ACCEPTED);
        assertThat(result).isNotDone();

        submitResponse.complete(TaskId.of("t1"));
        assertThat(repository.findByTaskId(TaskId.of("t1"))).as("the record learnt its task id")
                .hasValueSatisfying(record -> assertThat(record.isFinished()).isTrue());

        assertThat(result).isCompletedWithValueMatching(task -> task.status() == TaskStatus.SUCCESS);
        assertThat(generator.queries().count()).as("no poll needed").isEqualTo(1);
    }

    @Test
    void aDuplicateCallbackIsANoOp() {
        generator.submits().thenReturn(TaskId.of("t1"));
        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        generator.queries().thenReturn(Tasks.success("t1"));
        client.callbacks().receive(sentToken(), Tasks.success("t1"));

        CallbackOutcome again = client.callbacks().receive(sentToken(), Tasks.success("t1"));

        assertThat(again).isEqualTo(CallbackOutcome.DUPLICATE);
        assertThat(again.httpStatus()).isEqualTo(200);
        assertThat(result).isCompleted();
        assertThat(generator.queries().count()).isEqualTo(1);
        assertThat(statuses).containsExactly("success");
    }

    @Test
    void aRepeatedCallbackWhileTheFirstIsBeingConfirmedIsADuplicate() {
        generator.submits().thenReturn(TaskId.of("t1"));
        client.generateAsync(ImageRequest.of("a cat"));
        CompletableFuture<Task> confirmation = generator.queries().thenHold();

        CallbackOutcome first = client.callbacks().receive(sentToken(), Tasks.success("t1"));
        CallbackOutcome second = client.callbacks().receive(sentToken(), Tasks.success("t1"));

        assertThat(first).isEqualTo(CallbackOutcome.ACCEPTED);
        assertThat(second).isEqualTo(CallbackOutcome.DUPLICATE);
        assertThat(generator.queries().count()).isEqualTo(1);
        confirmation.complete(Tasks.success("t1"));
    }

    @Test
    void anUnknownTokenIsRejectedAndNothingIsQueried() {
        generator.submits().thenReturn(TaskId.of("t1"));
        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));

        CallbackOutcome outcome = client.callbacks().receive("forged-token", Tasks.success("t1"));

        assertThat(outcome).isEqualTo(CallbackOutcome.UNKNOWN_TOKEN);
        assertThat(outcome.httpStatus()).isEqualTo(404);
        assertThat(result).isNotDone();
        assertThat(generator.queries().count()).isZero();
    }

    @Test
    void aBlankTokenIsUnknown() {
        assertThat(client.callbacks().receive(" ", Tasks.success("t1"))).isEqualTo(CallbackOutcome.UNKNOWN_TOKEN);
        assertThat(client.callbacks().receive(null, Tasks.success("t1"))).isEqualTo(CallbackOutcome.UNKNOWN_TOKEN);
    }

    @Test
    void aValidTokenNamingAnotherTaskIsRejected() {
        generator.submits().thenReturn(TaskId.of("t1"));
        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));

        CallbackOutcome outcome = client.callbacks().receive(sentToken(), Tasks.success("someone-elses-task"));

        assertThat(outcome).isEqualTo(CallbackOutcome.UNKNOWN_TOKEN);
        assertThat(result).isNotDone();
        assertThat(generator.queries().count()).isZero();
    }

    @Test
    void aCallbackSayingSuccessThatTheQueryContradictsDoesNotCompleteTheWait() {
        generator.submits().thenReturn(TaskId.of("t1"));
        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        generator.queries().thenReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));

        CallbackOutcome outcome = client.callbacks().receive(sentToken(), Tasks.success("t1"));

        assertThat(outcome).isEqualTo(CallbackOutcome.ACCEPTED);
        assertThat(result).isNotDone();
        assertThat(statuses).containsExactly("in_progress");
        generator.queries().thenReturn(Tasks.success("t1"));
        clock.advanceSeconds(30);
        assertThat(result).as("the safety-net poll finds the real success").isCompleted();
    }

    @Test
    void aFailedCallbackConfirmedByTheQueryFailsTheWait() {
        generator.submits().thenReturn(TaskId.of("t1"));
        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        generator.queries().thenReturn(Tasks.failed("t1", "content policy violation"));

        client.callbacks().receive(sentToken(), Tasks.failed("t1", "content policy violation"));

        assertThatThrownBy(result::join).cause().isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("content policy violation");
    }

    @Test
    void aFailedConfirmingQueryLeavesTheWaitToPolling() {
        generator.submits().thenReturn(TaskId.of("t1"));
        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        generator.queries().thenFail(4, new dev.gempix2.core.error.ServerException(500, -1, null, null, null))
                .thenReturn(Tasks.success("t1"));

        client.callbacks().receive(sentToken(), Tasks.success("t1"));
        clock.advanceSeconds(29);
        assertThat(result).isNotDone();
        clock.advanceSeconds(1);

        assertThat(result).isCompleted();
    }

    @Test
    void withoutVerificationTheCallbackItselfCompletesTheWait() {
        GemPix2Client trusting = TestClients.on(generator, clock).repository(repository).callbackBaseUrl(BASE)
                .verifyCallbacks(false).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        CompletableFuture<Task> result = trusting.generateAsync(ImageRequest.of("a cat"));

        trusting.callbacks().receive(sentToken(), Tasks.success("t1"));

        assertThat(result).isCompleted();
        assertThat(generator.queries().count()).isZero();
    }

    @Test
    void aCallbackForAFinishedTaskIsADuplicate() {
        generator.submits().thenReturn(TaskId.of("t1"));
        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        generator.queries().thenReturn(Tasks.success("t1"));
        clock.advanceSeconds(30);
        assertThat(result).isCompleted();

        assertThat(client.callbacks().receive(sentToken(), Tasks.failed("t1", "late and wrong")))
                .isEqualTo(CallbackOutcome.DUPLICATE);
    }

    @Test
    void aCallbackWithoutAReportedTaskIsAnInvalidRequestNamingTheBody() {
        assertThatThrownBy(() -> client.callbacks().receive("token", null))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        invalid -> assertThat(invalid.field()).hasValue("body"));
    }

    private String sentToken() {
        List<ImageRequest> sent = generator.submits().calls();
        return tokenOf(sent.get(sent.size() - 1));
    }

    private static String tokenOf(ImageRequest request) {
        String url = request.callbackUrl().orElseThrow().toString();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
