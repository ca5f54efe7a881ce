package dev.gempix2.repository.jdbc;

import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.testkit.contract.TaskRepositoryContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * The repository contract on a database: two instances of {@link JdbcTaskRepository} over one table, on a clock
 * the contract moves. A database's test says only where its data source comes from and whether it pushes.
 */
abstract class JdbcContract extends TaskRepositoryContract {
    private final MovableClock clock = new MovableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final List<JdbcTaskRepository> opened = new ArrayList<>();

    /** @return the database every instance of the test opens */
    abstract DataSource dataSource();

    @AfterEach
    void closeRepositories() {
        opened.forEach(JdbcTaskRepository::close);
    }

    @Override
    protected TaskRepository createRepository() {
        JdbcTaskRepository first = open("instance-a");
        Databases.execute(dataSource(), "DELETE FROM gempix2_task");
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

    private JdbcTaskRepository open(String instance) {
        JdbcTaskRepository repository = JdbcTaskRepository.builder(dataSource()).instanceId(instance).clock(clock)
                .build();
        opened.add(repository);
        return repository;
    }
}
