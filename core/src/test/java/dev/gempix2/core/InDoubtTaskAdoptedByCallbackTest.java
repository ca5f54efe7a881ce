package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.error.ServerException;
import dev.gempix2.core.error.TransportException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.model.TaskStatus;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Found by the load proof of issue 11 ("load-lost-in-doubt"): a submit whose connection dropped after the provider
 * created the task leaves its record in doubt; the task's callback adopts it (the record learns the id), and its
 * confirming query decides. When that query failed (every retry), the callback was dropped: "polling goes on", but
 * no wait polls a record whose generate already failed, so the task never ended for the client (its listeners
 * never heard, its record stayed unfinished). The query is now asked again while no wait polls the task.
 */
class InDoubtTaskAdoptedByCallbackTest {
    private static final URI BASE = URI.create("https://app.example/gempix2/callback");

    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final InMemoryTaskRepository repository = new InMemoryTaskRepository();

    @Test
    void aCallbackAdoptingAnInDoubtTaskIsConfirmedAgainWhenItsConfirmingQueryFailsSinceNoWaitPollsThatTask() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository).callbackBaseUrl(BASE)
                .retryPolicy(RetryPolicy.builder().maxRetries(1).build()).build();
        generator.submits().thenFail(new TransportException("the connection dropped", true, null));
        CompletableFuture<Task> generate = client.generateAsync(ImageRequest.of("a cat"));
        assertThat(generate).isCompletedExceptionally();
        generator.queries().thenFail(2, new ServerException(500, 1, "internal server error", null, null))
                .thenReturn(Tasks.success("t-doubt"));

        client.callbacks().receive(tokenOf(generator.submits().calls().get(0)), Tasks.success("t-doubt"));
        clock.advance(Duration.ofSeconds(10));

        TaskRecord record = repository.findByTaskId(TaskId.of("t-doubt")).orElseThrow();
        assertThat(record.isFinished()).as("the adopted task ended for the client: " + record).isTrue();
        assertThat(record.lastSnapshot().orElseThrow().status()).isEqualTo(TaskStatus.SUCCESS);
    }

    private static String tokenOf(ImageRequest request) {
        String url = request.callbackUrl().orElseThrow().toString();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
