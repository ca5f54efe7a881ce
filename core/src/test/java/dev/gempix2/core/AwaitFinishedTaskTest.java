package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Awaiting a task the client already holds as final answers from the record: no poll, no timer. */
@Timeout(30)
class AwaitFinishedTaskTest {
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-callback"));
    private final GemPix2Client client = TestClients.on(generator, clock).callbackExecutor(callbacks).build();

    @AfterEach
    void stop() {
        client.close();
        callbacks.shutdownNow();
    }

    @Test
    void awaitingAFinishedTaskSchedulesNothingAndCompletesOnTheCallbackExecutor() throws Exception {
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().thenReturn(Tasks.success("t1"));
        client.submit(ImageRequest.of("a cat"));
        client.task(TaskId.of("t1"));
        int scheduledBefore = clock.scheduledDelays().size();
        CountDownLatch gate = new CountDownLatch(1);
        callbacks.execute(() -> awaitQuietly(gate));

        CompletableFuture<String> completedOn = client.awaitAsync(TaskId.of("t1"))
                .thenApply(task -> Thread.currentThread().getName());
        boolean doneOnTheCallersThread = completedOn.isDone();
        gate.countDown();

        assertThat(doneOnTheCallersThread).isFalse();
        assertThat(completedOn.get(20, TimeUnit.SECONDS)).isEqualTo("test-callback");
        assertThat(clock.scheduledDelays()).hasSize(scheduledBefore);
        assertThat(clock.pending()).isZero();
        assertThat(generator.queries().calls()).hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
