package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.AuthenticationException;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TaskFailedException;
import dev.gempix2.core.error.TaskTimeoutException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.internal.Snapshots;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How a wait ends: the task, TaskFailedException, TaskTimeoutException or the error polling cannot get past. */
class AwaitOutcomeTest {
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final GemPix2Client client = TestClients.on(generator, clock).build();

    AwaitOutcomeTest() {
        generator.submits().otherwiseReturn(TaskId.of("t1"));
    }

    @Test
    void aSuccessWithOnlyTextBecomesTaskFailedExceptionCarryingTheText() {
        generator.queries().thenReturn(Tasks.textOnly("t1", "I cannot draw that, but here is a poem."));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(2);

        assertThatThrownBy(result::join).cause()
                .isInstanceOfSatisfying(TaskFailedException.class, failed -> {
                    assertThat(failed.task().status()).isEqualTo(TaskStatus.FAILED);
                    assertThat(failed.task().statusMessage()).hasValue("I cannot draw that, but here is a poem.");
                })
                .hasMessageContaining("I cannot draw that, but here is a poem.");
    }

    @Test
    void aSuccessWithNeitherImageNorTextFailsWithAClearReason() {
        generator.queries().thenReturn(Tasks.at("t1", TaskStatus.SUCCESS));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(2);

        assertThatThrownBy(result::join).cause().isInstanceOf(TaskFailedException.class)
                .hasMessageContaining(Snapshots.NO_IMAGE);
    }

    @Test
    void anUnknownStatusKeepsTheWaitGoing() {
        generator.queries().thenReturn(Tasks.at("t1", TaskStatus.UNKNOWN)).thenReturn(Tasks.at("t1", TaskStatus.UNKNOWN))
                .thenReturn(Tasks.success("t1"));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(5);
        assertThat(result).isNotDone();
        clock.advanceSeconds(4.5);

        assertThat(result).isCompletedWithValueMatching(task -> task.status() == TaskStatus.SUCCESS);
    }

    @Test
    void aFiveMinuteTimeoutCarriesTheLastSnapshotAndRunsOnVirtualTime() {
        generator.queries().otherwiseReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(result).isNotDone();
        clock.advance(Duration.ofMillis(1));

        assertThatThrownBy(result::join).cause()
                .isInstanceOfSatisfying(TaskTimeoutException.class, timeout -> {
                    assertThat(timeout.taskId()).isEqualTo(TaskId.of("t1"));
                    assertThat(timeout.lastSnapshot()).hasValueSatisfying(
                            last -> assertThat(last.status()).isEqualTo(TaskStatus.IN_PROGRESS));
                })
                .hasMessageContaining("within 5m ").hasMessageContaining("in_progress");
        assertThat(clock.pending()).as("polling stopped").isZero();
    }

    @Test
    void eachAwaitHasItsOwnTimeout() {
        generator.queries().otherwiseReturn(Tasks.at("t1", TaskStatus.PENDING));

        CompletableFuture<Task> shortWait = client.awaitAsync(TaskId.of("t1"), Duration.ofSeconds(10));
        CompletableFuture<Task> longWait = client.awaitAsync(TaskId.of("t1"), Duration.ofSeconds(60));
        clock.advanceSeconds(10);

        assertThat(shortWait).isCompletedExceptionally();
        assertThat(longWait).isNotDone();
        generator.queries().thenReturn(Tasks.success("t1"));
        clock.advanceSeconds(20);
        assertThat(longWait).isCompleted();
    }

    @Test
    void aTimeoutBeforeAnyAnswerHasNoSnapshot() {
        generator.queries().thenHold();

        CompletableFuture<Task> result = client.awaitAsync(TaskId.of("t1"), Duration.ofSeconds(3));
        clock.advanceSeconds(3);

        assertThatThrownBy(result::join).cause().isInstanceOfSatisfying(TaskTimeoutException.class,
                timeout -> assertThat(timeout.lastSnapshot()).isEmpty());
    }

    @Test
    void aNonRetryableErrorWhilePollingFailsTheWait() {
        AuthenticationException rejected = new AuthenticationException(401, "Invalid API key", null);
        generator.queries().thenFail(rejected);

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(2);

        assertThatThrownBy(result::join).cause().isSameAs(rejected);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void retryableErrorsThatOutlastTheRetriesDoNotEndTheWait() {
        generator.queries().thenFail(4, new ServerException(500, -1, null, null, null))
                .thenFail(4, new TransportException("connection reset", null))
                .thenReturn(Tasks.success("t1"));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(60);

        assertThat(result).isCompletedWithValueMatching(task -> task.status() == TaskStatus.SUCCESS);
        assertThat(generator.queries().count()).isEqualTo(9);
    }

    @Test
    void generateTimeoutCoversTheSubmitToo() {
        generator.submits().thenFail(new ServerException(503, -1, null, null, Duration.ofSeconds(8)))
                .thenReturn(TaskId.of("t1"));
        generator.queries().otherwiseReturn(Tasks.at("t1", TaskStatus.PENDING));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"), Duration.ofSeconds(10));
        clock.advanceSeconds(9.9);
        assertThat(result).isNotDone();
        clock.advanceSeconds(0.1);

        assertThatThrownBy(result::join).cause().isInstanceOf(TaskTimeoutException.class);
    }

    @Test
    void aNonPositiveTimeoutIsRejectedNamingIt() {
        assertThatThrownBy(() -> client.await(TaskId.of("t1"), Duration.ZERO))
                .hasMessageContaining("timeout");
        assertThat(generator.queries().count()).isZero();
    }
}
