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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three instances of an app on one PostgreSQL behind a load balancer that sends each callback to any of them:
 * every generate completes once, with one submit and at most one confirming query per task, and no poll.
 */
@ExtendWith(SharedPostgres.class)
@Timeout(180)
class SeveralInstancesTest {
    static final int GENERATES = Integer.getInteger("gempix2.test.generates", 300);

    private static TestDatabase postgres;

    @BeforeAll
    static void startPostgres(TestDatabase database) {
        postgres = database;
    }

    @Test
    void aCallbackReceivedByAnyInstanceCompletesTheWaitWhereItWasStartedWithoutAPoll() throws Exception {
        // Polls only every 10 minutes with callbacks on: a wait that needed a poll would time out instead.
        PollingPolicy callbacksOnly = PollingPolicy.builder().callbackSafetyInterval(Duration.ofMinutes(10))
                .waitTimeout(Duration.ofMinutes(2)).build();
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(100)).start();
             CallbackRouter router = new CallbackRouter()) {
            List<AppInstance> instances = new ArrayList<>();
            try {
                for (int i = 1; i <= 3; i++) {
                    AppInstance instance = new AppInstance(postgres, fake, router.baseUrl(), "instance-" + i,
                            Duration.ofSeconds(30), callbacksOnly);
                    instances.add(instance);
                    router.add(instance.client.callbacks());
                }
                // A push sent before an instance listens is lost (its wait would complete at the next poll, which
                // this test pushes 10 minutes away): start once every instance listens.
                for (AppInstance instance : instances) {
                    Eventually.await(instance.repository.instanceId() + " listening", Duration.ofSeconds(30),
                            instance.repository::isListening);
                }
                List<CompletableFuture<Task>> generating = new ArrayList<>();
                for (int i = 0; i < GENERATES; i++) {
                    generating.add(instances.get(i % 3).client.generateAsync(ImageRequest.of("picture " + i)));
                }
                try {
                    CompletableFuture.allOf(generating.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException slow) {
                    long done = generating.stream().filter(CompletableFuture::isDone).count();
                    throw new AssertionError(done + " of " + GENERATES + " generates done; submits " + fake.submitCount()
                            + ", requests " + fake.requestCount() + ", callbacks delivered "
                            + fake.callbacksDelivered().size() + " of " + fake.callbackAttempts().size() + " attempts", slow);
                }

                Set<TaskId> completed = new HashSet<>();
                for (CompletableFuture<Task> future : generating) {
                    Task task = future.join();
                    assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
                    assertThat(completed.add(task.id())).as("each task completes one generate").isTrue();
                }
                assertThat(fake.submitCount()).isEqualTo(GENERATES);
                for (TaskId id : completed) {
                    assertThat(fake.queriesFor(id)).as("confirming queries of %s across the cluster", id).hasSize(1);
                }
            } finally {
                instances.forEach(AppInstance::close);
            }
        }
    }
}
