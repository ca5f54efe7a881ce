package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.fakes.LeasingRepository;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.Tasks;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** With a store shared by several instances the client claims, renews and releases leases, and takes pushes. */
class SharedStoreTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private final TestClock clock = new TestClock();
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final LeasingRepository repository = new LeasingRepository(LEASE);

    private void recordRunning(String... ids) {
        GemPix2Client earlier = TestClients.on(generator, clock).repository(repository).build();
        for (String id : ids) {
            generator.submits().thenReturn(TaskId.of(id));
            earlier.submit(ImageRequest.of("prompt " + id));
        }
        // Dies without closing: its leases would stay until they expire.
    }

    @Test
    void resumeUnfinishedWaitsOnlyForTheTasksTheStoreLetItClaim() {
        recordRunning("t1", "t2");
        repository.claimable(TaskId.of("t2"));
        GemPix2Client client = TestClients.on(generator, clock).repository(repository).build();

        assertThat(client.resumeUnfinished()).containsExactly(TaskId.of("t2"));
        assertThat(client.activePollLoops()).isEqualTo(1);
    }

    @Test
    void theLeasesOfAwaitedTasksAreRenewedBeforeTheyExpire() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().otherwiseReturn(Tasks.at("t1", dev.gempix2.core.model.TaskStatus.IN_PROGRESS));
        client.generateAsync(ImageRequest.of("a lighthouse"));

        clock.advance(LEASE.dividedBy(3));

        assertThat(repository.renewed()).contains(Set.of(TaskId.of("t1")));
    }

    @Test
    void theLeaseIsReleasedOnceTheWaitHasEnded() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().otherwiseReturn(Tasks.at("t1", dev.gempix2.core.model.TaskStatus.IN_PROGRESS));
        CompletableFuture<Task> wait = client.generateAsync(ImageRequest.of("a lighthouse"));
        clock.advance(LEASE.dividedBy(3));
        generator.queries().otherwiseReturn(Tasks.success("t1"));

        clock.advance(LEASE.dividedBy(3));

        assertThat(wait).isCompleted();
        assertThat(repository.released()).containsExactly(TaskId.of("t1"));
    }

    @Test
    void closingTheClientReleasesTheLeasesOfTasksItStillWaitedFor() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().otherwiseReturn(Tasks.at("t1", dev.gempix2.core.model.TaskStatus.IN_PROGRESS));
        client.generateAsync(ImageRequest.of("a lighthouse"));

        client.close();

        assertThat(repository.released()).containsExactly(TaskId.of("t1"));
        assertThat(repository.subscribers()).isZero();
    }

    @Test
    void afterResumingTheClientClaimsAgainEveryLeaseDurationAndTakesOverExpiredTasks() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository).build();
        client.resumeUnfinished();
        recordRunning("t9");
        repository.claimable(TaskId.of("t9"));
        generator.queries().otherwiseReturn(Tasks.at("t9", dev.gempix2.core.model.TaskStatus.IN_PROGRESS));

        clock.advance(LEASE);

        assertThat(repository.claims()).isEqualTo(2);
        assertThat(client.waitersOf(TaskId.of("t9"))).isEqualTo(1);
    }

    @Test
    void aReClaimDoesNotAddASecondWaiterToATaskAlreadyFollowed() {
        recordRunning("t1");
        repository.claimable(TaskId.of("t1"));
        generator.queries().otherwiseReturn(Tasks.at("t1", dev.gempix2.core.model.TaskStatus.IN_PROGRESS));
        GemPix2Client client = TestClients.on(generator, clock).repository(repository).build();
        client.resumeUnfinished();

        clock.advance(LEASE.multipliedBy(3));

        assertThat(client.waitersOf(TaskId.of("t1"))).isEqualTo(1);
    }

    @Test
    void aFinalRecordPushedByTheStoreCompletesTheWaitWithoutAQuery() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository)
                .callbackBaseUrl(java.net.URI.create("https://app.example/cb")).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        CompletableFuture<Task> wait = client.generateAsync(ImageRequest.of("a lighthouse"));
        TaskRecord stored = repository.findByTaskId(TaskId.of("t1")).orElseThrow();

        repository.push(stored.withSnapshot(Tasks.success("t1"), clock.now()));

        assertThat(wait).isCompletedWithValueMatching(task -> task.id().equals(TaskId.of("t1")));
        assertThat(generator.queries().count()).isZero();
    }

    @Test
    void aTaskIdTheStoreCouldNotSaveIsSavedAgainWithBackoffAndTheWaitStillCompletes() {
        GemPix2Client client = TestClients.on(generator, clock).repository(repository)
                .callbackBaseUrl(java.net.URI.create("https://app.example/cb")).build();
        generator.submits().thenReturn(TaskId.of("t1"));
        generator.queries().otherwiseReturn(Tasks.success("t1"));
        // The record's insert succeeds; saving its task id fails once, and the retry a second later succeeds.
        repository.failSavesAfter(1, 1);
        CompletableFuture<Task> wait = client.generateAsync(ImageRequest.of("a lighthouse"));
        assertThat(repository.findByTaskId(TaskId.of("t1"))).isEmpty();

        clock.advanceSeconds(1);
        assertThat(repository.findByTaskId(TaskId.of("t1"))).isPresent();
        clock.advanceSeconds(30);

        assertThat(wait).isCompletedWithValueMatching(task -> task.id().equals(TaskId.of("t1")));
        assertThat(repository.findUnfinished()).isEmpty();
    }
}
