package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
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

/** A restarted application goes on waiting for what an earlier client instance submitted. */
class ResumeUnfinishedTest {
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final InMemoryTaskRepository repository = new InMemoryTaskRepository();

    @Test
    void resumeUnfinishedCompletesTasksRecordedByAnEarlierClient() {
        GemPix2Client before = TestClients.on(generator, clock).repository(repository).build();
        generator.submits().thenReturn(TaskId.of("t1")).thenReturn(TaskId.of("t2")).thenReturn(TaskId.of("t3"));
        before.submit(ImageRequest.of("one"));
        before.submit(ImageRequest.of("two"));
        before.submit(ImageRequest.of("three"));
        generator.queries().thenReturn(Tasks.success("t3"));
        before.task(TaskId.of("t3"));
        before.close();

        List<String> seen = new ArrayList<>();
        GemPix2Client after = TestClients.on(generator, clock).repository(repository)
                .listener((record, task) -> seen.add(task.id() + " " + task.status().wireValue())).build();
        List<TaskId> resumed = after.resumeUnfinished();
        CompletableFuture<Task> awaitingT1 = after.awaitAsync(TaskId.of("t1"));
        generator.queries().otherwise(id -> id.value().equals("t1") ? Tasks.success("t1")
                : Tasks.failed(id.value(), "quota exceeded"));
        clock.advanceSeconds(2);

        assertThat(resumed).containsExactlyInAnyOrder(TaskId.of("t1"), TaskId.of("t2"));
        assertThat(after.activePollLoops()).isZero();
        assertThat(awaitingT1).isCompletedWithValueMatching(task -> task.status() == TaskStatus.SUCCESS);
        assertThat(seen).containsExactlyInAnyOrder("t1 success", "t2 failed");
        assertThat(repository.findUnfinished()).isEmpty();
    }

    @Test
    void aRecordWhoseSubmitNeverGotAnAnswerIsNotResumed() {
        GemPix2Client before = TestClients.on(generator, clock).repository(repository).build();
        generator.submits().thenFail(new dev.gempix2.core.error.ServerException(500, -1, null, null, null));
        before.submitAsync(ImageRequest.of("lost"));

        GemPix2Client after = TestClients.on(generator, clock).repository(repository).build();

        assertThat(after.resumeUnfinished()).isEmpty();
    }
}
