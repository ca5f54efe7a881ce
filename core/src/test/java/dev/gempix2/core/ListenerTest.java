package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.error.TaskNotFoundException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Listeners see every status change once, with the updated record; their failures stay theirs. */
class ListenerTest {
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final InMemoryTaskRepository repository = new InMemoryTaskRepository();
    private final List<String> seen = new ArrayList<>();

    @Test
    void listenersSeeEveryStatusChangeOnceWithTheUpdatedRecord() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository)
                .listener((record, task) -> {
                    assertThat(record.lastSnapshot()).contains(task);
                    assertThat(repository.findByTaskId(task.id())).contains(record);
                    seen.add(task.status().wireValue());
                }).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().thenReturn(Tasks.at("t1", TaskStatus.PENDING)).thenReturn(Tasks.at("t1", TaskStatus.PENDING))
                .thenReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS)).thenReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS))
                .thenReturn(Tasks.success("t1"));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(30);

        assertThat(result).isCompleted();
        assertThat(seen).containsExactly("pending", "in_progress", "success");
    }

    @Test
    void aListenerThatThrowsDisturbsNeitherTheWaitNorOtherListeners() {
        GemPix2Client client = TestClients.on(generator, clock)
                .listener((record, task) -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener((record, task) -> seen.add(task.status().wireValue())).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().thenReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS)).thenReturn(Tasks.success("t1"));

        CompletableFuture<Task> result = client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(5);

        assertThat(result).isCompletedWithValueMatching(task -> task.status() == TaskStatus.SUCCESS);
        assertThat(seen).containsExactly("in_progress", "success");
    }

    @Test
    void aTextOnlySuccessReachesListenersAsAFailureWithTheText() {
        GemPix2Client client = TestClients.on(generator, clock)
                .listener((record, task) -> seen.add(task.status().wireValue() + ": "
                        + task.statusMessage().orElse(""))).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().thenReturn(Tasks.textOnly("t1", "Here is a poem instead."));

        client.generateAsync(ImageRequest.of("a cat"));
        clock.advanceSeconds(2);

        assertThat(seen).containsExactly("failed: Here is a poem instead.");
    }

    @Test
    void awaitingATaskSubmittedElsewhereAdoptsItAndTellsTheListeners() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository)
                .listener((record, task) -> seen.add(task.status().wireValue() + " request="
                        + record.request().isPresent())).build();
        generator.queries().thenReturn(Tasks.at("elsewhere", TaskStatus.IN_PROGRESS))
                .thenReturn(Tasks.success("elsewhere"));

        CompletableFuture<Task> result = client.awaitAsync(TaskId.of("elsewhere"));
        clock.advanceSeconds(10);

        assertThat(result).isCompletedWithValueMatching(task -> task.status() == TaskStatus.SUCCESS);
        assertThat(seen).containsExactly("in_progress request=false", "success request=false");
        assertThat(repository.findByTaskId(TaskId.of("elsewhere"))).hasValueSatisfying(record -> {
            assertThat(record.request()).isEmpty();
            assertThat(record.isFinished()).isTrue();
        });
    }

    @Test
    void awaitingAnIdTheProviderDoesNotKnowLeavesNoRecordBehind() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository)
                .listener((record, task) -> seen.add(task.status().wireValue())).build();
        generator.queries().thenFail(new TaskNotFoundException(-1, "task not found", null));

        CompletableFuture<Task> result = client.awaitAsync(TaskId.of("bogus"));
        clock.advanceSeconds(2);

        assertThat(result).isCompletedExceptionally();
        assertThat(seen).isEmpty();
        assertThat(repository.size()).isZero();
    }
}
