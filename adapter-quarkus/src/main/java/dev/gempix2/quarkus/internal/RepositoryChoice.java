package dev.gempix2.quarkus.internal;

import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.port.TaskRepository;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@code gempix2.repository.*} and makes the repository: in memory (the default) or, with
 * {@code type=jdbc}, a {@code JdbcTaskRepository} on the application's datasource (artifact
 * {@code gempix2-repository-jdbc}). Every failure names the key at fault.
 */
public final class RepositoryChoice {
    /** The keys read here, for the unknown-key warning. */
    public static final Set<String> KEYS = Set.of("gempix2.repository.type", "gempix2.repository.datasource",
            "gempix2.repository.table", "gempix2.repository.lease");
    private static final String JDBC_CLASS = "dev.gempix2.repository.jdbc.JdbcTaskRepository";

    private RepositoryChoice() {
    }

    /**
     * @param config the application's configuration
     * @param dataSources finds the datasource of a name (empty: the default one)
     * @return the repository the keys ask for
     */
    public static TaskRepository fromConfig(Config config, Function<Optional<String>, DataSource> dataSources) {
        String type = config.getOptionalValue("gempix2.repository.type", String.class).map(String::strip)
                .orElse("memory");
        if (type.equals("memory")) {
            return new InMemoryTaskRepository();
        }
        if (!type.equals("jdbc")) {
            throw invalid("gempix2.repository.type", "must be memory or jdbc, got '" + type + "'");
        }
        try {
            Class.forName(JDBC_CLASS, false, RepositoryChoice.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            throw invalid("gempix2.repository.type", "jdbc needs the artifact dev.gempix2:gempix2-repository-jdbc "
                    + "on the class path");
        }
        Optional<String> name = config.getOptionalValue("gempix2.repository.datasource", String.class)
                .map(String::strip).filter(text -> !text.isEmpty());
        String table = config.getOptionalValue("gempix2.repository.table", String.class).orElse("gempix2_task");
        Duration lease;
        try {
            lease = config.getOptionalValue("gempix2.repository.lease", Duration.class).orElse(Duration.ofSeconds(30));
        } catch (IllegalArgumentException malformed) {
            throw invalid("gempix2.repository.lease", "must be a duration such as 30s: " + malformed.getMessage());
        }
        DataSource dataSource = dataSources.apply(name);
        try {
            return JdbcRepositoryBuilding.build(dataSource, table, lease);
        } catch (IllegalArgumentException bad) {
            throw invalid(bad.getMessage().startsWith("tableName") ? "gempix2.repository.table"
                    : "gempix2.repository.lease", bad.getMessage());
        }
    }

    private static ConfigurationException invalid(String key, String problem) {
        return new ConfigurationException(key + " " + problem, Set.of(key));
    }
}
