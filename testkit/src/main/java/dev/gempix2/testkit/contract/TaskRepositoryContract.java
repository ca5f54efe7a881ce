package dev.gempix2.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.port.TaskRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link TaskRepository} must have: save and replace by record id, find by task id and by
 * exact callback token, list the unfinished (those with no task id yet included), and stay consistent under
 * concurrent saves. A repository's test only says how to make an empty one:
 *
 * <pre>{@code
 * class JdbcTaskRepositoryContractTest extends TaskRepositoryContract {
 *     @Override
 *     protected TaskRepository createRepository() {
 *         return new JdbcTaskRepository(freshDataSource());
 *     }
 * }
 * }</pre>
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class TaskRepositoryContract {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final ImageRequest REQUEST = ImageRequest.of("a lighthouse at dawn");

    private TaskRepository repository;

    /** @return a new, empty repository; called before each test */
    protected abstract TaskRepository createRepository();

    @BeforeEach
    final void makeAnEmptyRepository() {
        repository = createRepository();
    }

    @Test
    void aSavedRecordIsFoundByItsTaskId() {
        TaskRecord record = submitting("r1", "token-1").withTaskId(TaskId.of("ta-1"), T0);
        repository.save(record);
        assertEquals(Optional.of(record), repository.findByTaskId(TaskId.of("ta-1")));
    }

    @Test
    void anUnknownTaskIdFindsNothing() {
        repository.save(submitting("r1", "token-1").withTaskId(TaskId.of("ta-1"), T0));
        assertEquals(Optional.empty(), repository.findByTaskId(TaskId.of("ta-2")));
    }

    @Test
    void savingTheSameRecordIdReplacesTheRecord() {
        TaskRecord first = submitting("r1", "token-1").withTaskId(TaskId.of("ta-1"), T0);
        TaskRecord second = first.withSnapshot(Task.of(TaskId.of("ta-1"), TaskStatus.IN_PROGRESS), T0.plusSeconds(5));
        repository.save(first);
        repository.save(second);
        assertEquals(Optional.of(second), repository.findByTaskId(TaskId.of("ta-1")));
        assertEquals(Optional.of(second), repository.findByCallbackToken("token-1"));
        assertEquals(List.of(second), repository.findUnfinished(), "one record, not two");
    }

    @Test
    void aRecordSavedBeforeItsTaskIdIsFoundByItOnceReplaced() {
        TaskRecord before = submitting("r1", "token-1");
        repository.save(before);
        assertEquals(Optional.of(before), repository.findByCallbackToken("token-1"),
                "a callback that beats the submit answer finds its record by token");
        TaskRecord after = before.withTaskId(TaskId.of("ta-1"), T0.plusSeconds(1));
        repository.save(after);
        assertEquals(Optional.of(after), repository.findByTaskId(TaskId.of("ta-1")));
        assertEquals(Optional.of(after), repository.findByCallbackToken("token-1"));
    }

    @Test
    void aRecordIsFoundOnlyByItsExactCallbackToken() {
        TaskRecord record = submitting("r1", "Zm9vYmFyLXRva2VuLTEyMzQ1Njc4OTA");
        repository.save(record);
        assertEquals(Optional.of(record), repository.findByCallbackToken("Zm9vYmFyLXRva2VuLTEyMzQ1Njc4OTA"));
        assertEquals(Optional.empty(), repository.findByCallbackToken("Zm9vYmFyLXRva2VuLTEyMzQ1Njc4OT"),
                "a prefix is not the token");
        assertEquals(Optional.empty(), repository.findByCallbackToken("zm9vYmFyLXRva2VuLTEyMzQ1Njc4OTA"),
                "tokens are case-sensitive");
        assertEquals(Optional.empty(), repository.findByCallbackToken("unknown"));
    }

    @Test
    void aRecordWithoutCallbackTokenIsNotFoundByAnEmptyToken() {
        repository.save(submitting("r1", null));
        assertEquals(Optional.empty(), repository.findByCallbackToken(""));
    }

    @Test
    void unfinishedRecordsIncludeThoseWithNoTaskIdYet() {
        TaskRecord noId = submitting("r1", "token-1");
        TaskRecord running = submitting("r2", "token-2").withSnapshot(Task.of(TaskId.of("ta-2"), TaskStatus.PENDING), T0);
        repository.save(noId);
        repository.save(running);
        List<TaskRecord> unfinished = repository.findUnfinished();
        assertEquals(2, unfinished.size(), "both unfinished records: " + unfinished);
        assertTrue(unfinished.containsAll(List.of(noId, running)));
    }

    @Test
    void finishedRecordsAreNotUnfinished() {
        TaskRecord done = submitting("r1", "token-1").withSnapshot(Task.of(TaskId.of("ta-1"), TaskStatus.SUCCESS), T0);
        TaskRecord failed = submitting("r2", "token-2").withSnapshot(Task.of(TaskId.of("ta-2"), TaskStatus.FAILED), T0);
        TaskRecord unknown = submitting("r3", "token-3").withSnapshot(Task.of(TaskId.of("ta-3"), TaskStatus.UNKNOWN), T0);
        repository.save(done);
        repository.save(failed);
        repository.save(unknown);
        assertEquals(List.of(unknown), repository.findUnfinished(), "an unknown status is not final");
        assertEquals(Optional.of(done), repository.findByTaskId(TaskId.of("ta-1")), "finished records are still found");
    }

    @Test
    void concurrentSavesOfDifferentRecordsAreAllKept() throws Exception {
        int threads = 8;
        int perThread = 100;
        runConcurrently(threads, thread -> {
            for (int i = 0; i < perThread; i++) {
                String name = thread + "-" + i;
                TaskRecord record = submitting("r" + name, "token-" + name);
                repository.save(record);
                repository.save(record.withTaskId(TaskId.of("ta-" + name), T0.plusMillis(i)));
            }
        });
        assertEquals(threads * perThread, repository.findUnfinished().size());
        for (int thread = 0; thread < threads; thread++) {
            for (int i = 0; i < perThread; i++) {
                String name = thread + "-" + i;
                assertEquals("r" + name, repository.findByTaskId(TaskId.of("ta-" + name)).orElseThrow().recordId());
                assertEquals("r" + name, repository.findByCallbackToken("token-" + name).orElseThrow().recordId());
            }
        }
    }

    @Test
    void concurrentReplacementsOfOneRecordLeaveOneConsistentRecord() throws Exception {
        TaskRecord base = submitting("r1", "token-1").withTaskId(TaskId.of("ta-1"), T0);
        repository.save(base);
        runConcurrently(8, thread -> {
            for (int i = 0; i < 100; i++) {
                repository.save(base.withSnapshot(Task.of(TaskId.of("ta-1"), TaskStatus.IN_PROGRESS),
                        T0.plus(Duration.ofMillis(thread * 1000L + i))));
            }
        });
        List<TaskRecord> unfinished = repository.findUnfinished();
        assertEquals(1, unfinished.size(), "replacements never duplicate a record");
        assertEquals(Optional.of(unfinished.get(0)), repository.findByTaskId(TaskId.of("ta-1")));
        assertEquals(Optional.of(unfinished.get(0)), repository.findByCallbackToken("token-1"));
    }

    private static TaskRecord submitting(String recordId, String token) {
        return TaskRecord.submitting(recordId, REQUEST, token, T0);
    }

    private interface Work {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int number = thread;
                done.add(pool.submit(() -> {
                    start.await();
                    work.run(number);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
