package dev.gempix2.repository.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.testkit.FakeGemPix2Backend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The push's latency on loopback: instance A waits for tasks whose callbacks all reach instance B; from the
 * moment B begins saving a finished record to the moment A's future completes. Asserts only that every wait
 * completed through that path; prints p50, p99 and the maximum (the figure in the README comes from
 * {@code benchmarks}' {@code PushLatency}, 500 tasks after a warm-up).
 */
@ExtendWith(SharedPostgres.class)
@Timeout(120)
class PushLatencyTest {
    static final int WAVES = Integer.getInteger("gempix2.test.latency-waves", 8);
    static final int PER_WAVE = 10;

    private static TestDatabase postgres;

    @BeforeAll
    static void startPostgres(TestDatabase database) {
        postgres = database;
    }

    @Test
    void everyWaitOnOneInstanceCompletesFromTheSaveOfAnotherAndTheLatencyIsRecorded() throws Exception {
        PollingPolicy callbacksOnly = PollingPolicy.builder().callbackSafetyInterval(Duration.ofMinutes(10))
                .waitTimeout(Duration.ofMinutes(2)).build();
        AtomicReference<SaveTimingRepository> timing = new AtomicReference<>();
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(100)).start();
             CallbackRouter router = new CallbackRouter();
             AppInstance waiter = new AppInstance(postgres, fake, router.baseUrl(), "waiter",
                     Duration.ofSeconds(30), callbacksOnly);
             AppInstance receiver = new AppInstance(postgres, fake, router.baseUrl(), "receiver",
                     Duration.ofSeconds(30), callbacksOnly, (record, task) -> { }, store -> {
                         timing.set(new SaveTimingRepository(store));
                         return timing.get();
                     })) {
            router.add(receiver.client.callbacks());
            Eventually.await("the waiter listening", Duration.ofSeconds(30), waiter.repository::isListening);
            Map<TaskId, Long> completedAt = new ConcurrentHashMap<>();
            List<Task> tasks = new ArrayList<>();
            // In waves, so that what is measured is the push, not a queue of hundreds of tasks at once.
            for (int wave = 0; wave < WAVES; wave++) {
                List<CompletableFuture<Task>> generating = new ArrayList<>();
                for (int i = 0; i < PER_WAVE; i++) {
                    generating.add(waiter.client.generateAsync(ImageRequest.of("wave " + wave + " picture " + i))
                            .whenComplete((task, failed) -> {
                                if (task != null) {
                                    completedAt.put(task.id(), System.nanoTime());
                                }
                            }));
                }
                CompletableFuture.allOf(generating.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                generating.forEach(future -> tasks.add(future.join()));
            }

            List<Long> latencies = new ArrayList<>();
            for (Task task : tasks) {
                assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
                assertThat(fake.queriesFor(task.id())).as("only the receiver's confirming query").hasSize(1);
                assertThat(timing.get().finishedSavedAt()).as("the receiver saved %s finished", task.id())
                        .containsKey(task.id());
                latencies.add(completedAt.get(task.id()) - timing.get().finishedSavedAt().get(task.id()));
            }
            assertThat(latencies).hasSize(WAVES * PER_WAVE);
            System.out.println(PushLatencyFigures.describe(latencies));
        }
    }
}
