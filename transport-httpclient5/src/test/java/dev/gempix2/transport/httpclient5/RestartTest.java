package dev.gempix2.transport.httpclient5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.testkit.FakeGemPix2Backend;
import dev.gempix2.testkit.ManualClock;
import dev.gempix2.testkit.contract.ReliabilityReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart: 100 tasks in flight when a client closes, or when its JVM is killed with {@code destroyForcibly}, on
 * a file-backed repository; their tasks end (and their callbacks fail) while no client runs; a new client on the
 * same store resumes them all and completes each exactly once, without submitting anything again.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RestartTest {
    private static final int TASKS = 100;
    private static final AtomicLong RESTARTED = new AtomicLong();
    private static final AtomicLong RESUMED = new AtomicLong();

    private ManualClock clock;
    private FakeGemPix2Backend fake;
    private JdkWebhook webhook;

    @BeforeEach
    void start() {
        clock = new ManualClock();
        fake = FakeGemPix2Backend.builder().clock(clock).callbackRetries(2, Duration.ofMillis(10)).start();
        webhook = new JdkWebhook();
    }

    @AfterEach
    void stop() {
        webhook.close();
        fake.close();
    }

    @AfterAll
    static void report() {
        ReliabilityReport.recordFigures("restart", Map.of("restart_tasks", RESTARTED.get(),
                "restart_resumed", RESUMED.get()));
    }

    @Test
    void aClientClosedWithAHundredTasksInFlightLeavesThemAllToTheNextClientExactlyOnce(@TempDir Path store)
            throws Exception {
        try (HttpClient5Transport transport = transport();
             GemPix2Client first = client(transport, new FileTaskRepository(store), null)) {
            List<CompletableFuture<TaskId>> submits = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                submits.add(first.submitAsync(ImageRequest.of("closed-" + i)));
            }
            for (CompletableFuture<TaskId> submit : submits) {
                first.awaitAsync(submit.get(30, TimeUnit.SECONDS));
            }
            first.close();
        }
        endEveryTaskWhileNoClientRuns();
        resumeAndCheck(store);
    }

    @Test
    void aJvmKilledWithAHundredTasksInFlightLeavesThemAllToTheNextClientExactlyOnce(@TempDir Path store)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RestartChild.class.getName(), fake.baseUrl().toString(), fake.apiKey().reveal(), store.toString(),
                webhook.baseUrl().toString(), Integer.toString(TASKS)).redirectErrorStream(true).start();
        try {
            CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.equals("READY")) {
                            return true;
                        }
                    }
                    return false;
                } catch (java.io.IOException closed) {
                    return false;
                }
            });
            assertThat(ready.get(60, TimeUnit.SECONDS)).as("the child submitted its tasks").isTrue();
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        endEveryTaskWhileNoClientRuns();
        resumeAndCheck(store);
    }

    private void endEveryTaskWhileNoClientRuns() {
        assertThat(fake.submitCount()).isEqualTo(TASKS);
        clock.advance(Duration.ofSeconds(3)); // every task ends; its callback finds no client (503) and gives up
        for (int i = 0; i < TASKS * 2; i++) {
            assertThat(fake.takeCallback(Duration.ofSeconds(20)).isDelivered()).isFalse();
        }
    }

    private void resumeAndCheck(Path store) throws Exception {
        FileTaskRepository repository = new FileTaskRepository(store);
        Map<TaskId, AtomicInteger> successes = new ConcurrentHashMap<>();
        try (HttpClient5Transport transport = transport();
             GemPix2Client next = client(transport, repository, (record, snapshot) -> {
                 if (snapshot.status() == TaskStatus.SUCCESS) {
                     successes.computeIfAbsent(snapshot.id(), id -> new AtomicInteger()).incrementAndGet();
                 }
             })) {
            webhook.deliverTo(next.callbacks());
            List<TaskId> resumed = next.resumeUnfinished();
            assertThat(resumed).hasSize(TASKS).doesNotHaveDuplicates();
            for (TaskId id : resumed) {
                Task task = next.awaitAsync(id).get(30, TimeUnit.SECONDS);
                assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
            }
            RESTARTED.addAndGet(TASKS);
            RESUMED.addAndGet(resumed.size());
            assertThat(fake.submitCount()).as("nothing submitted again").isEqualTo(TASKS);
            assertThat(repository.all()).hasSize(TASKS).allMatch(TaskRecord::isFinished);
            assertThat(repository.all().stream().map(r -> r.taskId().orElseThrow()).distinct()).hasSize(TASKS);
            assertThat(successes).hasSize(TASKS).allSatisfy((id, count) -> assertThat(count).hasValue(1));
        }
    }

    private HttpClient5Transport transport() {
        return HttpClient5Transport.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).build();
    }

    private GemPix2Client client(HttpClient5Transport transport, FileTaskRepository repository,
                                 dev.gempix2.core.TaskListener listener) {
        GemPix2Client.Builder builder = GemPix2Client.builder().generator(transport).repository(repository)
                .callbackBaseUrl(webhook.baseUrl())
                .pollingPolicy(PollingPolicy.builder().initialDelay(Duration.ofMillis(50))
                        .maxInterval(Duration.ofMillis(200)).callbackSafetyInterval(Duration.ofMillis(200)).build());
        if (listener != null) {
            builder.listener(listener);
        }
        return builder.build();
    }
}
