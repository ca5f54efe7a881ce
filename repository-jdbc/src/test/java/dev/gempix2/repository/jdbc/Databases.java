package dev.gempix2.repository.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;

/** The test databases: an embedded PostgreSQL 17 (see {@link SharedPostgres}) or an in-memory H2. */
final class Databases {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private Databases() {
    }

    static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * @param database the test class's database
     * @param size the pool's size
     * @return a pooled DataSource on it, as an app has; close it after the test class
     */
    static HikariDataSource pool(TestDatabase database, int size) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(database.dataSource());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setPoolName("test-" + POOLS.incrementAndGet());
        return new HikariDataSource(config);
    }

    static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException(sql + " failed", failed);
        }
    }
}
