package dev.gempix2.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.repository.jdbc.JdbcTaskRepository;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code gempix2.repository.*}: a JdbcTaskRepository on the app's DataSource, closed with the context. */
@Timeout(60)
class JdbcRepositoryBeansTest {

    @Test
    void typeJdbcBuildsAJdbcTaskRepositoryOnTheNamedDataSource() {
        Map<String, Object> properties = properties("jdbc");
        properties.put("gempix2.repository.datasource", "tasks");
        properties.put("gempix2.repository.table", "app_tasks");
        properties.put("gempix2.repository.lease", "10s");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            TaskRepository repository = context.getBean(TaskRepository.class);

            assertThat(repository).isInstanceOf(JdbcTaskRepository.class);
            assertThat(repository.leaseDuration()).contains(Duration.ofSeconds(10));
            assertThat(repository.toString()).contains("table=app_tasks");
        }
    }

    @Test
    void anUnknownRepositoryTypeFailsTheStartNamingTheKey() {
        assertThatThrownBy(() -> ApplicationContext.run(properties("postgres")).close())
                .hasStackTraceContaining("gempix2.repository.type must be memory or jdbc, got 'postgres'");
    }

    @Test
    void aDataSourceNameWithoutSuchABeanFailsTheStartNamingIt() {
        Map<String, Object> properties = properties("jdbc");
        properties.put("gempix2.repository.datasource", "elsewhere");
        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("gempix2.repository.datasource names the DataSource 'elsewhere'");
    }

    private static Map<String, Object> properties(String type) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("gempix2.api-key", "dk-jdbc-beans-test-1234");
        properties.put("gempix2.base-url", "http://127.0.0.1:9");
        properties.put("gempix2.repository.type", type);
        properties.put("jdbc-beans-test", "on");
        return properties;
    }

    /** The application's DataSource beans, as micronaut-jdbc-hikari would make them. */
    @Factory
    @Requires(property = "jdbc-beans-test", value = "on")
    static class DataSources {
        @Singleton
        @Named("tasks")
        DataSource tasks() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:micronaut-tasks;DB_CLOSE_DELAY=-1");
            return h2;
        }
    }
}
