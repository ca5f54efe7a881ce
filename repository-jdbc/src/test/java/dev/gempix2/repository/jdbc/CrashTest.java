package dev.gempix2.repository.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.testkit.FakeGemPix2Backend;
import java.io.BufferedReader;
import java.io.IOException;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A child JVM submits tasks and is killed ({@code kill -9}) while they run; a fresh client on the same database
 * resumes and completes every one exactly once, including those whose callbacks came while no instance was up.
 */
@ExtendWith(SharedPostgres.class)
@Timeout(150)
class CrashTest {
    private static final int TASKS = 100;
    private static final Duration LEASE = Duration.ofSeconds(1);

    private static TestDatabase postgres;

    @BeforeAll
    static void startPostgres(TestDatabase database) {
        postgres = database;
    }

    @Test
    void aFreshClientCompletesEveryTaskOfAnInstanceKilledWhileTheyRan() throws Exception {
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder().stageDuration(Duration.ofMillis(300))
                .callbackRetries(1, Duration.ZERO).start();
             CallbackRouter router = new CallbackRouter()) {
            List<TaskId> submitted = runAndKill(fake, router);
            assertThat(submitted).hasSize(TASKS);
            // The scenario needs callbacks that came while no instance was up: on a quick run the child may be
            // killed, and the fresh instance up, before the first task ends. Start it once one has come.
            Eventually.await("a callback while no instance is up", Duration.ofSeconds(30),
                    () -> router.unavailableAnswers() > 0);

            Map<TaskId, AtomicInteger> ends = new ConcurrentHashMap<>();
            PollingPolicy lostCallbacks = PollingPolicy.builder().initialDelay(Duration.ofMillis(200))
                    .maxInterval(Duration.ofMillis(500)).callbackSafetyInterval(Duration.ofMillis(500)).build();
            try (AppInstance fresh = new AppInstance(postgres, fake, router.baseUrl(), "fresh", LEASE, lostCallbacks,
                    (record, task) -> {
                        if (task.isFinal()) {
                            ends.computeIfAbsent(task.id(), id -> new AtomicInteger()).incrementAndGet();
                        }
                    })) {
                router.add(fresh.client.callbacks());
                fresh.client.resumeUnfinished();
                Eventually.await("every task finished", Duration.ofSeconds(90),
                        () -> submitted.stream().allMatch(ends::containsKey)
                                && fresh.repository.findUnfinished().isEmpty());

                assertThat(fake.submitCount()).as("nothing submitted twice").isEqualTo(TASKS);
                for (TaskId id : submitted) {
                    TaskRecord record = fresh.repository.findByTaskId(id).orElseThrow();
                    assertThat(record.isFinished()).isTrue();
                    assertThat(ends.get(id)).as("%s completed once", id).hasValue(1);
                }
                assertThat(router.unavailableAnswers()).as("callbacks came while no instance was up").isPositive();
            }
        }
    }

    private List<TaskId> runAndKill(FakeGemPix2Backend fake, CallbackRouter router) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingApp.class.getName(), postgres.jdbcUrl(), fake.baseUrl().toString(),
                router.baseUrl().toString(), Integer.toString(TASKS), LEASE.toString());
        builder.environment().put("GEMPIX2_API_KEY", fake.apiKey().reveal()); // never on a command line
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = builder.start();
        List<TaskId> submitted = new ArrayList<>();
        try {
            CompletableFuture<Void> allSubmitted = CompletableFuture.runAsync(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null && !line.equals("all-submitted");
                         line = lines.readLine()) {
                        if (line.startsWith("submitted ")) {
                            submitted.add(TaskId.of(line.substring("submitted ".length())));
                        }
                    }
                } catch (IOException broken) {
                    throw new java.io.UncheckedIOException(broken);
                }
            });
            allSubmitted.get(90, TimeUnit.SECONDS);
        } finally {
            child.toHandle().destroyForcibly();
            child.onExit().get(30, TimeUnit.SECONDS);
        }
        return submitted;
    }
}
