package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One poll loop per task, however many callers wait for it; it ends when the last caller leaves. */
class SharedPollLoopTest {
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final GemPix2Client client = TestClients.on(generator, clock).build();
    private final TaskId id = TaskId.of("t1");

    @Test
    void manyConcurrentAwaitsOfOneTaskShareOnePollLoop() {
        generator.queries().otherwiseReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));
        List<CompletableFuture<Task>> waits = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            waits.add(client.awaitAsync(id));
        }

        assertThat(client.activePollLoops()).isEqualTo(1);
        assertThat(client.waitersOf(id)).isEqualTo(100);
        clock.advanceSeconds(9.5);
        assertThat(generator.queries().count()).as("polls at 2, 5 and 9.5 s, not 300").isEqualTo(3);

        generator.queries().thenReturn(Tasks.success("t1"));
        clock.advanceSeconds(6.75);
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isCompletedWithValueMatching(
                task -> task.status() == TaskStatus.SUCCESS));
        assertThat(client.activePollLoops()).isZero();
    }

    @Test
    void cancellingTheOnlyAwaitStopsItsPolling() {
        generator.queries().otherwiseReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));
        CompletableFuture<Task> wait = client.awaitAsync(id);
        clock.advanceSeconds(5);
        assertThat(generator.queries().count()).isEqualTo(2);

        wait.cancel(false);

        assertThat(clock.pending()).as("no poll left on the clock").isZero();
        assertThat(client.activePollLoops()).isZero();
        clock.advanceSeconds(300);
        assertThat(generator.queries().count()).isEqualTo(2);
    }

    @Test
    void cancellingOneOfTwoAwaitsKeepsPollingForTheOther() {
        generator.queries().otherwiseReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));
        CompletableFuture<Task> cancelled = client.awaitAsync(id);
        CompletableFuture<Task> kept = client.awaitAsync(id);

        cancelled.cancel(false);
        clock.advanceSeconds(5);

        assertThat(generator.queries().count()).isEqualTo(2);
        assertThat(client.waitersOf(id)).isEqualTo(1);
        generator.queries().thenReturn(Tasks.success("t1"));
        clock.advanceSeconds(4.5);
        assertThat(kept).isCompleted();
    }

    @Test
    void cancellingWhileAQueryIsInFlightIgnoresItsAnswer() {
        CompletableFuture<Task> held = generator.queries().thenHold();
        CompletableFuture<Task> wait = client.awaitAsync(id);
        clock.advanceSeconds(2);

        wait.cancel(false);
        held.complete(Tasks.at("t1", TaskStatus.IN_PROGRESS));
        clock.advanceSeconds(300);

        assertThat(generator.queries().count()).isEqualTo(1);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void cancellingAGenerateStopsItsWait() {
        generator.submits().thenReturn(id);
        generator.queries().otherwiseReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));
        CompletableFuture<Task> generation = client.generateAsync(dev.gempix2.core.model.ImageRequest.of("a cat"));
        clock.advanceSeconds(2);

        generation.cancel(false);

        assertThat(client.activePollLoops()).isZero();
        assertThat(clock.pending()).isZero();
    }

    @Test
    void anAwaitAfterTheLoopEndedStartsANewOne() {
        client.awaitAsync(id).cancel(false);
        assertThat(client.activePollLoops()).isZero();

        CompletableFuture<Task> again = client.awaitAsync(id);
        generator.queries().thenReturn(Tasks.success("t1"));
        clock.advanceSeconds(2);

        assertThat(again).isCompleted();
    }

    @Test
    void tenThousandTasksInFlightNeedNoThreadAndOneClockActionEach() {
        generator.queries().otherwise(task -> clock.elapsed().getSeconds() < 20
                ? Tasks.at(task.value(), TaskStatus.IN_PROGRESS) : Tasks.success(task.value()));
        int threadsBefore = Thread.activeCount();

        List<CompletableFuture<Task>> waits = IntStream.range(0, 10_000)
                .mapToObj(i -> client.awaitAsync(TaskId.of("task-" + i))).toList();

        assertThat(Thread.activeCount()).as("no thread per wait").isLessThanOrEqualTo(threadsBefore);
        assertThat(clock.pending()).as("one scheduled action per task").isEqualTo(10_000);
        clock.advanceSeconds(30);

        assertThat(waits).allSatisfy(wait -> assertThat(wait).isCompleted());
        assertThat(clock.maxPending()).isLessThanOrEqualTo(10_000);
        assertThat(clock.pending()).isZero();
        assertThat(client.activePollLoops()).isZero();
        assertThat(generator.queries().count()).as("polls at 2, 5, 9.5, 16.25 and 26.25 s").isEqualTo(50_000);
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore);
    }
}
