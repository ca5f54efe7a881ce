package dev.gempix2.quarkus.internal;

import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.repository.jdbc.JdbcTaskRepository;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The only class of the adapter that names {@code JdbcTaskRepository}, loaded only with
 * {@code gempix2.repository.type=jdbc}, so that the optional artifact may be absent otherwise.
 */
final class JdbcRepositoryBuilding {
    private JdbcRepositoryBuilding() {
    }

    static TaskRepository build(DataSource dataSource, String table, Duration lease) {
        return JdbcTaskRepository.builder(dataSource).tableName(table).leaseDuration(lease).build();
    }
}
