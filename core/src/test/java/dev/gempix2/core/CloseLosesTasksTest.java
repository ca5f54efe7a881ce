package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Defect 1 of the reliability issue, "close() loses tasks the provider created and billed": with the client's own
 * executor, answers to submits in flight arrived after it was shut down and no task id reached the repository;
 * a retry scheduled before close still went out after it. Close now waits a short grace for answers to
 * requests already sent, records them, and sends nothing new.
 */
@Timeout(20)
class CloseLosesTasksTest {
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final InMemoryTaskRepository repository = new InMemoryTaskRepository();

    @Test
    void answersToSubmitsInFlightWhenCloseRunsStillReachTheRepositoryWithTheClientsOwnExecutor() throws Exception {
        GemPix2Client client = GemPix2Client.builder().generator(generator).clock(clock).repository(repository)
                .build();
        List<CompletableFuture<TaskId>> answers = IntStream.range(0, 20)
                .mapToObj(i -> generator.submits().thenHold()).toList();
        List<CompletableFuture<TaskId>> submits = IntStream.range(0, 20)
                .mapToObj(i -> client.submitAsync(ImageRequest.of("a cat " + i))).toList();

        Thread closing = new Thread(client::close, "closing");
        closing.start();
        // The answers come once close is done or waiting for them, never before it began.
        while (closing.getState() != Thread.State.TERMINATED && closing.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < answers.size(); i++) {
            answers.get(i).complete(TaskId.of("t" + i));
        }
        closing.join();

        assertThat(submits).allSatisfy(submit -> assertThat(submit).isCompletedExceptionally());
        assertThat(IntStream.range(0, 20).mapToObj(i -> repository.findByTaskId(TaskId.of("t" + i))))
                .as("every task the provider created keeps its id").allSatisfy(found -> assertThat(found).isPresent());
    }

    @Test
    void aRetryScheduledBeforeCloseIsNeverSent() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository).build();
        generator.submits().thenFail(new ServerException(503, 1, "busy", null, null)).thenReturn(TaskId.of("t2"));
        CompletableFuture<TaskId> submit = client.submitAsync(ImageRequest.of("a cat"));

        client.close();
        clock.advance(Duration.ofMinutes(1));

        assertThat(generator.submits().count()).as("no request after close").isEqualTo(1);
        assertThat(submit).isCompletedExceptionally();
        assertThat(repository.findUnfinished()).as("a 503 created no task: the record is settled, not in doubt")
                .isEmpty();
    }

    @Test
    void aSubmitStillUnansweredWhenTheGraceEndsStaysFindableInDoubt() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository)
                .closeGrace(Duration.ofMillis(20)).build();
        generator.submits().thenHold();
        client.submitAsync(ImageRequest.of("a cat"));

        client.close();

        assertThat(repository.findUnfinished()).singleElement()
                .satisfies(record -> assertThat(record.taskId()).isEmpty())
                .extracting(TaskRecord::isFinished).isEqualTo(false);
    }
}
