package dev.gempix2.repository.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;

/**
 * A PostgreSQL database of one test class's own, on the embedded server that {@link SharedPostgres} starts once
 * for the test run: the classes share the server's start-up cost, not their tables or notification channels.
 */
final class TestDatabase {
    private final EmbeddedPostgres server;
    private final String name;

    TestDatabase(EmbeddedPostgres server, String name) {
        this.server = server;
        this.name = name;
    }

    /** @return an unpooled DataSource on this database (one connection per {@code getConnection()}) */
    DataSource dataSource() {
        return server.getDatabase("postgres", name);
    }

    /** @return the JDBC URL of this database, user {@code postgres}, no password (for a child JVM) */
    String jdbcUrl() {
        return server.getJdbcUrl("postgres", name);
    }
}
