package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A 404 shortly after submitting is the provider catching up; later it means the task is gone. */
class NotFoundGraceTest {
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final GemPix2Client client = TestClients.on(generator, clock).build();

    static TaskNotFoundException notFound() {
        return new TaskNotFoundException(1, "task not found", null);
    }

    @Test
    void a404WithinThirtySecondsOfSubmittingKeepsTheWaitGoing() {
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().thenFail(3, notFound()).thenReturn(Tasks.success("t1"));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(16.25);

        assertThat(generator.queries().count()).isEqualTo(4);
        assertThat(result).isCompleted();
        assertThat(result.join().id()).isEqualTo(TaskId.of("t1"));
    }

    @Test
    void a404AfterTheGraceFailsTheWaitWithTaskNotFoundException() {
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().otherwiseFail(notFound());

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(29);
        assertThat(result).as("still within the grace").isNotDone();
        clock.advanceSeconds(10);

        assertThatThrownBy(result::join).cause().isInstanceOf(TaskNotFoundException.class);
        assertThat(clock.pending()).as("polling stopped").isZero();
    }

    @Test
    void a404ForATaskThisClientNeverSubmittedFailsAtOnce() {
        generator.queries().otherwiseFail(notFound());

        CompletableFuture<Task> result = client.awaitAsync(TaskId.of("typo"));
        clock.advanceSeconds(2);

        assertThatThrownBy(result::join).cause().isInstanceOf(TaskNotFoundException.class);
        assertThat(generator.queries().count()).isEqualTo(1);
    }
}
