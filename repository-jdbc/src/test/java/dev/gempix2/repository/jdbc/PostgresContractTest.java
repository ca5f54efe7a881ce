package dev.gempix2.repository.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.testkit.contract.TaskRepositoryContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The repository contract, shared-store cases included, on a real PostgreSQL 17. */
@ExtendWith(SharedPostgres.class)
class PostgresContractTest extends TaskRepositoryContract {
    private static TestDatabase postgres;
    private static com.zaxxer.hikari.HikariDataSource dataSource;
    private final MovableClock clock = new MovableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final List<JdbcTaskRepository> opened = new ArrayList<>();

    @BeforeAll
    static void startPostgres(TestDatabase database) {
        postgres = database;
        dataSource = Databases.pool(postgres, 10);
    }

    @AfterAll
    static void closePool() {
        dataSource.close();
    }

    @AfterEach
    void closeRepositories() {
        opened.forEach(JdbcTaskRepository::close);
    }

    @Override
    protected TaskRepository createRepository() {
        JdbcTaskRepository first = open("instance-a");
        Databases.execute(dataSource, "DELETE FROM gempix2_task");
        return first;
    }

    @Override
    protected TaskRepository createSecondView(TaskRepository first) {
        return open("instance-b");
    }

    @Override
    protected void advanceClock(Duration duration) {
        clock.advance(duration);
    }

    @Override
    protected boolean pushesChanges() {
        return true;
    }

    @Override
    protected void awaitSubscribed(TaskRepository subscribed) throws Exception {
        JdbcTaskRepository repository = (JdbcTaskRepository) subscribed;
        CompletableFuture.runAsync(() -> {
            while (!repository.isListening()) {
                Thread.onSpinWait();
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(repository.isListening()).isTrue();
    }

    private JdbcTaskRepository open(String instance) {
        JdbcTaskRepository repository = JdbcTaskRepository.builder(dataSource).instanceId(instance).clock(clock)
                .build();
        opened.add(repository);
        return repository;
    }
}
