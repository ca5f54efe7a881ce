package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.defaults.SystemClock;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** User code runs on the client's callback threads: never on a transport's I/O thread or the clock's thread. */
@Timeout(30)
class ThreadingTest {
    private final ExecutorService io = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "fake-io"));
    private final SystemClock clock = new SystemClock();
    private final ScriptedGenerator generator = new ScriptedGenerator().completingOn(io);
    private final Set<String> listenerThreads = ConcurrentHashMap.newKeySet();
    private final GemPix2Client client = GemPix2Client.builder()
            .generator(generator)
            .clock(clock)
            .pollingPolicy(PollingPolicy.builder().initialDelay(Duration.ofMillis(1)).build())
            .listener((record, task) -> listenerThreads.add(Thread.currentThread().getName()))
            .build();

    @AfterEach
    void stop() {
        client.close();
        clock.close();
        io.shutdownNow();
    }

    @Test
    void listenersAndFutureCompletionsRunOnTheCallbackExecutor() throws Exception {
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().thenReturn(Tasks.at("t1", TaskStatus.IN_PROGRESS));
        CompletableFuture<Task> finalAnswer = generator.queries().thenHold();

        CompletableFuture<String> completedOn = client.generateAsync(ImageRequest.of("a cat"))
                .thenApply(task -> Thread.currentThread().getName());
        finalAnswer.complete(Tasks.success("t1"));

        assertThat(completedOn.get(20, TimeUnit.SECONDS)).startsWith("gempix2-callback-");
        assertThat(listenerThreads).isNotEmpty().allMatch(name -> name.startsWith("gempix2-callback-"));
    }

    @Test
    void theBlockingGenerateWorksOnRealTime() {
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().thenReturn(Tasks.success("t1"));

        Task task = client.generate(ImageRequest.of("a cat"), Duration.ofSeconds(20));

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
    }

    @Test
    void aSubmitAnsweredOnTheIoThreadCompletesOnTheCallbackExecutor() throws Exception {
        CompletableFuture<TaskId> answer = generator.submits().thenHold();

        CompletableFuture<String> completedOn = client.submitAsync(ImageRequest.of("a cat"))
                .thenApply(id -> Thread.currentThread().getName());
        answer.complete(TaskId.of("t1"));
        String thread = completedOn.get(20, TimeUnit.SECONDS);

        assertThat(thread).startsWith("gempix2-callback-");
    }
}
