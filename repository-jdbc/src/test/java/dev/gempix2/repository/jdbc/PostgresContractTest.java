package dev.gempix2.repository.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.port.TaskRepository;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The repository contract, shared-store cases included, on a real PostgreSQL 17. */
@ExtendWith(SharedPostgres.class)
class PostgresContractTest extends JdbcContract {
    private static TestDatabase postgres;
    private static com.zaxxer.hikari.HikariDataSource dataSource;

    @BeforeAll
    static void startPostgres(TestDatabase database) {
        postgres = database;
        dataSource = Databases.pool(postgres, 10);
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @AfterAll
    static void closePool() {
        dataSource.close();
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
}
