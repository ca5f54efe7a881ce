package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Closing stops every wait with a clear error and releases only what the client created. */
class CloseTest {
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final InMemoryTaskRepository repository = new InMemoryTaskRepository();
    // A submit still unanswered holds close() for the grace: kept short, these tests hold answers on purpose.
    private final GemPix2Client client = TestClients.on(generator, clock).repository(repository)
            .closeGrace(java.time.Duration.ofMillis(10)).build();

    @Test
    void closeFailsEveryWaitAndCancelsItsPolls() {
        generator.queries().otherwiseReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));
        CompletableFuture<Task> first = client.awaitAsync(TaskId.of("t1"));
        CompletableFuture<Task> second = client.awaitAsync(TaskId.of("t2"));

        client.close();

        assertThat(clock.pending()).isZero();
        assertThatThrownBy(first::join).cause().isInstanceOf(GemPix2Exception.class).hasMessageContaining("closed");
        assertThatThrownBy(second::join).cause().isInstanceOf(GemPix2Exception.class).hasMessageContaining("closed");
    }

    @Test
    void closeFailsASubmitStillWaitingForItsAnswer() {
        CompletableFuture<TaskId> answer = generator.submits().thenHold();
        CompletableFuture<TaskId> submitted = client.submitAsync(ImageRequest.of("a cat"));

        client.close();
        answer.complete(TaskId.of("t1"));

        assertThatThrownBy(submitted::join).cause().hasMessageContaining("closed");
    }

    @Test
    void callsAfterCloseFailClearly() {
        client.close();

        assertThatThrownBy(() -> client.submit(ImageRequest.of("a cat"))).isInstanceOf(GemPix2Exception.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> client.await(TaskId.of("t1"))).hasMessageContaining("closed");
        assertThatThrownBy(client::resumeUnfinished).hasMessageContaining("closed");
        assertThat(generator.submits().count()).isZero();
    }

    @Test
    void closeLeavesAGeneratorItWasGivenOpen() {
        client.close();
        client.close();

        assertThat(generator.isClosed()).isFalse();
    }

    @Test
    void closeFailsAPendingAwaitAsync() {
        generator.queries().otherwiseReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));
        CompletableFuture<Task> waiting = client.awaitAsync(TaskId.of("t1"), java.time.Duration.ofMinutes(1));

        client.close();

        assertThatThrownBy(waiting::join).cause().isInstanceOf(GemPix2Exception.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> client.awaitAsync(TaskId.of("t1")).join()).cause().hasMessageContaining("closed");
    }

    @Test
    void aPendingAwaitAsyncIsTrackedLikeASubmitSoThatCloseReachesIt() {
        generator.queries().otherwiseReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));
        CompletableFuture<Task> waiting = client.awaitAsync(TaskId.of("t1"), java.time.Duration.ofMinutes(1));

        assertThat(client.pendingCalls()).as("calls the close will fail").isEqualTo(1);
        client.close();

        assertThat(client.pendingCalls()).isZero();
        assertThat(waiting).isCompletedExceptionally();
    }

    @Test
    void aClientWithItsOwnExecutorClosesCleanly() {
        GemPix2Client owning = GemPix2Client.builder().generator(generator).clock(clock).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        assertThat(owning.submit(ImageRequest.of("a cat"))).isEqualTo(TaskId.of("t1"));

        owning.close();

        assertThat(owning.ownedExecutor().isShutdown()).as("the executor it made is shut down").isTrue();
        assertThatThrownBy(() -> owning.task(TaskId.of("t1"))).hasMessageContaining("closed");
        assertThat(generator.isClosed()).isFalse();
    }
}
