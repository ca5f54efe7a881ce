package dev.gempix2.repository.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.PollingPolicy;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances resume the same unfinished tasks at once: each task is polled by one of them; when one dies
 * without releasing its leases, the other takes its tasks over once they expire.
 */
@ExtendWith(SharedPostgres.class)
@Timeout(90)
class TakeoverTest {
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final int TASKS = 50;
    private static final PollingPolicy FAST_POLLING = PollingPolicy.builder().initialDelay(Duration.ofMillis(100))
            .maxInterval(Duration.ofMillis(300)).waitTimeout(Duration.ofMinutes(5)).build();

    private static TestDatabase postgres;
    private static HikariDataSource seeding;

    @BeforeAll
    static void startPostgres(TestDatabase database) {
        postgres = database;
        seeding = Databases.pool(postgres, 2);
    }

    @AfterAll
    static void closePool() {
        seeding.close();
    }

    @Test
    void eachTaskIsPolledByOneInstanceAndTheSurvivorTakesOverTheTasksOfOneThatDied() throws Exception {
        List<TaskId> ids = seedTasksOfAnInstanceThatDiedLongAgo();
        CountingGenerator first = new CountingGenerator();
        CountingGenerator second = new CountingGenerator();
        HikariDataSource firstPool = Databases.pool(postgres, 3);
        HikariDataSource secondPool = Databases.pool(postgres, 3);
        JdbcTaskRepository firstStore = store(firstPool, "first");
        JdbcTaskRepository secondStore = store(secondPool, "second");
        GemPix2Client firstClient = client(first, firstStore);
        GemPix2Client secondClient = client(second, secondStore);
        try {
            CompletableFuture<List<TaskId>> firstResumed = CompletableFuture.supplyAsync(firstClient::resumeUnfinished);
            CompletableFuture<List<TaskId>> secondResumed = CompletableFuture.supplyAsync(secondClient::resumeUnfinished);
            Set<TaskId> firstShare = Set.copyOf(firstResumed.get(30, TimeUnit.SECONDS));
            Set<TaskId> secondShare = Set.copyOf(secondResumed.get(30, TimeUnit.SECONDS));
            assertThat(Collections.disjoint(firstShare, secondShare)).as("%s / %s", firstShare, secondShare).isTrue();
            assertThat(union(firstShare, secondShare)).containsExactlyInAnyOrderElementsOf(ids);

            first.once(polled -> polled.containsAll(firstShare)).get(30, TimeUnit.SECONDS);
            second.once(polled -> polled.containsAll(secondShare)).get(30, TimeUnit.SECONDS);
            assertThat(first.polled()).as("the first polls only its share").isEqualTo(firstShare);
            assertThat(second.polled()).as("the second polls only its share").isEqualTo(secondShare);

            // The one holding more tasks dies: its connections go first, so closing cannot release its leases.
            boolean firstDies = firstShare.size() >= secondShare.size();
            (firstDies ? firstPool : secondPool).close();
            (firstDies ? firstClient : secondClient).close();
            CountingGenerator survivor = firstDies ? second : first;
            JdbcTaskRepository survivorStore = firstDies ? secondStore : firstStore;
            survivor.clear();
            survivor.once(polled -> polled.containsAll(ids)).get(30, TimeUnit.SECONDS);
            assertThat(survivorStore.findUnfinished()).extracting(record -> record.taskId().orElseThrow())
                    .containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            firstClient.close();
            secondClient.close();
            firstStore.close();
            secondStore.close();
            firstPool.close();
            secondPool.close();
        }
    }

    private List<TaskId> seedTasksOfAnInstanceThatDiedLongAgo() {
        Clock longAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), java.time.ZoneOffset.UTC);
        try (JdbcTaskRepository dead = JdbcTaskRepository.builder(seeding).instanceId("dead").leaseDuration(LEASE)
                .clock(longAgo).build()) {
            return IntStream.range(0, TASKS).mapToObj(i -> {
                TaskId id = TaskId.of("ta-" + i);
                dead.save(TaskRecord.submitting("record-" + i, ImageRequest.of("picture " + i), null, longAgo.instant())
                        .withTaskId(id, longAgo.instant()));
                return id;
            }).toList();
        }
    }

    private static JdbcTaskRepository store(HikariDataSource pool, String name) {
        return JdbcTaskRepository.builder(pool).instanceId(name).leaseDuration(LEASE).build();
    }

    private static GemPix2Client client(CountingGenerator generator, JdbcTaskRepository store) {
        return GemPix2Client.builder().generator(generator).repository(store).pollingPolicy(FAST_POLLING).build();
    }

    private static Set<TaskId> union(Set<TaskId> a, Set<TaskId> b) {
        Set<TaskId> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
