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
 *
 * <p>The <em>shared-store</em> cases (two repository objects on one database, as two instances of an app have)
 * run against {@link #createSecondView(TaskRepository)}; for a store used by one client alone the default, the
 * same object, passes them with the port's default lease methods. A store with leases
 * ({@link TaskRepository#leaseDuration()} present) must let {@link #advanceClock(Duration)} move its time; a
 * store that pushes changes says so with {@link #pushesChanges()}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class TaskRepositoryContract {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final ImageRequest REQUEST = ImageRequest.of("a lighthouse at dawn");

    private TaskRepository repository;

    /** @return a new, empty repository; called before each test */
    protected abstract TaskRepository createRepository();

    /**
     * Another view of the store the last {@link #createRepository()} made: for a database, another repository
     * object on the same database with another instance id. Default: the same object.
     *
     * @param first the repository of the test
     * @return a second view of the same records
     */
    protected TaskRepository createSecondView(TaskRepository first) {
        return first;
    }

    /**
     * Moves the time the store's leases are measured in. Required for a store with leases; the default does
     * nothing.
     *
     * @param duration how far
     */
    protected void advanceClock(Duration duration) {
    }

    /** @return whether a finished record saved through one view reaches the other's subscribers; default false */
    protected boolean pushesChanges() {
        return false;
    }

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

    @Test
    void aRecordSavedThroughOneViewIsFoundThroughTheOther() {
        TaskRecord record = submitting("r1", "token-1").withSnapshot(Task.of(TaskId.of("ta-1"), TaskStatus.PENDING), T0);
        repository.save(record);
        TaskRepository other = createSecondView(repository);
        assertEquals(Optional.of(record), other.findByCallbackToken("token-1"),
                "found by its token, a record is exactly the one saved");
        TaskRecord byId = other.findByTaskId(TaskId.of("ta-1")).orElseThrow();
        assertEquals(record.recordId(), byId.recordId());
        assertEquals(record.lastSnapshot(), byId.lastSnapshot());
        assertEquals(record.request().map(ImageRequest::prompt), byId.request().map(ImageRequest::prompt));
        assertTrue(byId.callbackToken().isPresent(), "the other view knows a callback is expected");
    }

    @Test
    void aRecordSavedThroughOneViewIsClaimedByThatViewOnly() {
        List<TaskId> ids = saveRunning(5);
        TaskRepository other = createSecondView(repository);
        if (repository.leaseDuration().isEmpty()) {
            assertEquals(repository.findUnfinished(), repository.claimUnfinished(), "without leases, all are claimed");
            return;
        }
        assertEquals(java.util.Set.of(), taskIds(other.claimUnfinished()), "the saving view holds their leases");
        assertEquals(set(ids), taskIds(repository.claimUnfinished()));
    }

    @Test
    void releasedLeasesAreClaimedByTheOtherViewAtOnce() {
        List<TaskId> ids = saveRunning(3);
        TaskRepository other = createSecondView(repository);
        repository.releaseLeases(ids);
        if (repository.leaseDuration().isEmpty()) {
            assertEquals(set(ids), taskIds(other.claimUnfinished()), "without leases, releasing changes nothing");
            return;
        }
        assertEquals(set(ids), taskIds(other.claimUnfinished()));
        assertEquals(java.util.Set.of(), taskIds(repository.claimUnfinished()), "the other view holds them now");
    }

    @Test
    void expiredLeasesAreTakenOverButRenewedOnesAreNot() {
        List<TaskId> ids = saveRunning(4);
        TaskRepository other = createSecondView(repository);
        Optional<Duration> lease = repository.leaseDuration();
        if (lease.isEmpty()) {
            repository.renewLeases(ids);
            assertEquals(set(ids), taskIds(other.claimUnfinished()));
            return;
        }
        advanceClock(lease.get().multipliedBy(2).dividedBy(3));
        repository.renewLeases(ids.subList(0, 2));
        advanceClock(lease.get().multipliedBy(2).dividedBy(3));
        assertEquals(set(ids.subList(2, 4)), taskIds(other.claimUnfinished()), "only the leases not renewed expired");
        assertEquals(set(ids.subList(0, 2)), taskIds(repository.claimUnfinished()));
    }

    @Test
    void concurrentClaimsSplitTheRecordsWithoutOverlap() throws Exception {
        List<TaskId> ids = saveRunning(40);
        TaskRepository other = createSecondView(repository);
        repository.releaseLeases(ids);
        List<java.util.Set<TaskId>> claimed = new java.util.concurrent.CopyOnWriteArrayList<>(
                List.of(java.util.Set.of(), java.util.Set.of()));
        runConcurrently(2, thread -> claimed.set(thread, taskIds((thread == 0 ? repository : other).claimUnfinished())));
        if (repository.leaseDuration().isEmpty()) {
            assertEquals(set(ids), claimed.get(0));
            return;
        }
        List<TaskId> all = new ArrayList<>(claimed.get(0));
        all.addAll(claimed.get(1));
        assertEquals(ids.size(), all.size(), "no task claimed twice: " + claimed);
        assertTrue(all.containsAll(ids), "every task claimed once: " + claimed);
    }

    @Test
    void finishedAndInDoubtRecordsAreNeverClaimed() {
        repository.save(submitting("r1", "token-1").withSnapshot(Task.of(TaskId.of("ta-1"), TaskStatus.SUCCESS), T0));
        repository.save(submitting("r2", "token-2"));
        TaskRepository other = createSecondView(repository);
        advanceClock(repository.leaseDuration().orElse(Duration.ZERO).multipliedBy(2));
        List<TaskRecord> claimed = other.claimUnfinished();
        assertTrue(claimed.stream().noneMatch(TaskRecord::isFinished), "finished records are not claimed");
        if (repository.leaseDuration().isPresent()) {
            assertEquals(List.of(), claimed, "a record without task id cannot be followed");
        }
    }

    @Test
    void aRecordFinishedThroughOneViewReachesTheOthersSubscribers() throws Exception {
        TaskRecord running = submitting("r1", "token-1").withSnapshot(Task.of(TaskId.of("ta-1"), TaskStatus.PENDING), T0);
        repository.save(running);
        TaskRepository other = createSecondView(repository);
        java.util.concurrent.CompletableFuture<TaskRecord> pushed = new java.util.concurrent.CompletableFuture<>();
        try (TaskRepository.Subscription subscription = repository.subscribe(pushed::complete)) {
            awaitSubscribed(repository);
            other.save(running.withSnapshot(Task.of(TaskId.of("ta-1"), TaskStatus.SUCCESS), T0.plusSeconds(1)));
            if (pushesChanges()) {
                TaskRecord record = pushed.get(10, TimeUnit.SECONDS);
                assertEquals("r1", record.recordId());
                assertTrue(record.isFinished());
            } else {
                assertEquals(Optional.of(TaskStatus.SUCCESS), repository.findByTaskId(TaskId.of("ta-1"))
                        .flatMap(TaskRecord::lastSnapshot).map(Task::status), "without push, a read sees it");
            }
        }
    }

    /**
     * Waits until a subscription made on the repository receives messages (a database's listening connection
     * is up). Default: at once.
     *
     * @param subscribed the repository subscribed to
     * @throws Exception when it does not come up
     */
    protected void awaitSubscribed(TaskRepository subscribed) throws Exception {
    }

    private List<TaskId> saveRunning(int count) {
        List<TaskId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TaskId id = TaskId.of("ta-" + i);
            repository.save(submitting("r" + i, "token-" + i).withSnapshot(Task.of(id, TaskStatus.IN_PROGRESS),
                    T0.plusMillis(i)));
            ids.add(id);
        }
        return ids;
    }

    private static java.util.Set<TaskId> taskIds(List<TaskRecord> records) {
        List<TaskId> ids = records.stream().map(record -> record.taskId().orElseThrow()).toList();
        assertEquals(ids.size(), java.util.Set.copyOf(ids).size(), "a task claimed twice in one answer: " + ids);
        return java.util.Set.copyOf(ids);
    }

    private static java.util.Set<TaskId> set(List<TaskId> ids) {
        return java.util.Set.copyOf(ids);
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
