package dev.gempix2.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.quarkus.internal.ConfigReading;
import dev.gempix2.quarkus.internal.RepositoryChoice;
import dev.gempix2.repository.jdbc.JdbcTaskRepository;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** {@code gempix2.repository.*}: memory by default, a JdbcTaskRepository on the named datasource with jdbc. */
class RepositoryChoiceTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 300)).build();
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:quarkus-tasks;DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void withoutTheKeysTasksLiveInMemory() {
        assertThat(RepositoryChoice.fromConfig(config(Map.of()), name -> h2())).isInstanceOf(InMemoryTaskRepository.class);
    }

    @Test
    void typeJdbcBuildsAJdbcTaskRepositoryOnTheNamedDatasource() throws Exception {
        AtomicReference<Optional<String>> asked = new AtomicReference<>();
        TaskRepository repository = RepositoryChoice.fromConfig(config(Map.of("gempix2.repository.type", "jdbc",
                "gempix2.repository.datasource", "tasks", "gempix2.repository.table", "app_tasks",
                "gempix2.repository.lease", "10s")), name -> {
                    asked.set(name);
                    return h2();
                });
        try (JdbcTaskRepository jdbc = (JdbcTaskRepository) repository) {
            assertThat(asked.get()).contains("tasks");
            assertThat(jdbc.leaseDuration()).contains(Duration.ofSeconds(10));
            assertThat(jdbc.toString()).contains("table=app_tasks");
        }
    }

    @Test
    void anUnknownTypeIsReportedByTheKeysName() {
        assertThatThrownBy(() -> RepositoryChoice.fromConfig(config(Map.of("gempix2.repository.type", "postgres")),
                name -> h2()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gempix2.repository.type must be memory or jdbc, got 'postgres'");
    }

    @Test
    void aBadTableNameIsReportedByTheKeysName() {
        assertThatThrownBy(() -> RepositoryChoice.fromConfig(config(Map.of("gempix2.repository.type", "jdbc",
                "gempix2.repository.table", "tasks; drop table x")), name -> h2()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gempix2.repository.table");
    }

    @Test
    void theRepositoryKeysAreKnownToTheUnknownKeyWarning() {
        assertThat(ConfigReading.unknownKeys(List.of("gempix2.repository.type", "gempix2.repository.datasource",
                "gempix2.repository.table", "gempix2.repository.lease", "gempix2.repository.typo")))
                .containsExactly("gempix2.repository.typo");
    }
}
