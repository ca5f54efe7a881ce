package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Defect 2 of the reliability issue, "no overall deadline on a call": a server dripping one byte a second kept
 * {@code submit} and {@code task} hanging, {@code generate(request, 3s)} did not bound its submit, and a timed-out
 * wait left its poll in flight (holding a pooled connection). Every call now has an overall deadline, and
 * reaching it cancels the transport's future, which aborts the exchange.
 */
class NoOverallDeadlineTest {
    private static final RequestOptions THREE_SECONDS = RequestOptions.builder().timeout(Duration.ofSeconds(3)).build();

    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final GemPix2Client client = TestClients.on(generator, clock).build();

    @Test
    void aSubmitThatNeverAnswersFailsAtItsDeadlineAndItsExchangeIsAborted() {
        CompletableFuture<TaskId> exchange = generator.submits().thenHold();

        CompletableFuture<TaskId> submit = client.submitAsync(ImageRequest.of("a cat"), THREE_SECONDS);
        clock.advance(Duration.ofSeconds(3));

        assertThatThrownBy(submit::join).cause().isInstanceOf(TransportException.class)
                .hasMessageContaining("deadline of 3000 ms");
        assertThat(exchange).as("the transport's future is cancelled").isCancelled();
    }

    @Test
    void generatesTimeoutCoversASilentSubmit() {
        CompletableFuture<TaskId> exchange = generator.submits().thenHold();

        CompletableFuture<Task> generated = client.generateAsync(ImageRequest.of("a cat"), Duration.ofSeconds(3));
        clock.advance(Duration.ofSeconds(3));

        assertThat(generated).isCompletedExceptionally();
        assertThat(exchange).isCancelled();
    }

    @Test
    void aQueryWithoutOptionsEndsAtTheClientsCallTimeout() {
        CompletableFuture<Task> exchange = generator.queries().thenHold();

        CompletableFuture<Task> task = client.taskAsync(TaskId.of("t1"));
        clock.advance(GemPix2Client.DEFAULT_CALL_TIMEOUT);

        assertThat(task).isCompletedExceptionally();
        assertThat(exchange).isCancelled();
    }

    @Test
    void aTimedOutWaitCancelsThePollItLeftInFlight() {
        generator.queries().thenReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));
        CompletableFuture<Task> poll = generator.queries().thenHold();

        CompletableFuture<Task> wait = client.awaitAsync(TaskId.of("t1"), Duration.ofSeconds(6));
        clock.advance(Duration.ofSeconds(6)); // polls at 2 s and 5 s, the second one unanswered

        assertThatThrownBy(wait::join).cause().isInstanceOf(TaskTimeoutException.class);
        assertThat(generator.queries().count()).isEqualTo(2);
        assertThat(poll).as("the poll in flight is aborted, freeing its connection").isCancelled();
    }

    @Test
    void perCallRetriesReplaceTheClientsPolicy() {
        generator.queries().thenFail(new dev.gempix2.core.error.ServerException(500, 1, "x", null, null))
                .thenReturn(Tasks.success("t1"));

        CompletableFuture<Task> task = client.taskAsync(TaskId.of("t1"),
                RequestOptions.builder().retryPolicy(RetryPolicy.none()).build());
        clock.advance(Duration.ofSeconds(10));

        assertThat(task).isCompletedExceptionally();
        assertThat(generator.queries().count()).isEqualTo(1);
    }
}
