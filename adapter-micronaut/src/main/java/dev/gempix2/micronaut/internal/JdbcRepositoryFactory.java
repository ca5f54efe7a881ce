package dev.gempix2.micronaut.internal;

import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.micronaut.GemPix2RepositoryConfiguration;
import dev.gempix2.repository.jdbc.JdbcTaskRepository;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * With {@code gempix2.repository.type=jdbc}: a {@link JdbcTaskRepository} on the application's
 * {@code DataSource} bean ({@code gempix2.repository.datasource} names a non-default one), closed at shutdown.
 * Not API: public only for Micronaut's generated bean definitions.
 */
@Factory
@Requires(property = "gempix2.repository.type", value = "jdbc")
public class JdbcRepositoryFactory {

    /**
     * @param configuration the {@code gempix2.repository.*} keys
     * @param beans the context, to find the DataSource
     * @return the repository
     */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(classes = JdbcTaskRepository.class)
    @Requires(missingBeans = TaskRepository.class)
    public JdbcTaskRepository jdbcTaskRepository(GemPix2RepositoryConfiguration configuration, BeanContext beans) {
        DataSource dataSource = configuration.getDatasource()
                .map(name -> beans.findBean(DataSource.class, Qualifiers.byName(name)).orElseThrow(() ->
                        new ConfigurationException("gempix2.repository.datasource names the DataSource '" + name
                                + "', but the application has no DataSource bean of that name (datasources." + name
                                + ".*)")))
                .orElseGet(() -> beans.findBean(DataSource.class).orElseThrow(() -> new ConfigurationException(
                        "gempix2.repository.type=jdbc needs a javax.sql.DataSource bean: add micronaut-jdbc-hikari "
                                + "and datasources.default.* (or set gempix2.repository.datasource)")));
        try {
            return JdbcTaskRepository.builder(dataSource).tableName(configuration.getTable())
                    .leaseDuration(configuration.getLease()).build();
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException("gempix2.repository.*: " + invalid.getMessage());
        }
    }

    /**
     * @return never: fails the start, naming the missing artifact
     */
    @Singleton
    @Requires(missingClasses = "dev.gempix2.repository.jdbc.JdbcTaskRepository")
    @Requires(missingBeans = TaskRepository.class)
    public TaskRepository missingArtifact() {
        throw new ConfigurationException("gempix2.repository.type=jdbc needs the artifact "
                + "dev.gempix2:gempix2-repository-jdbc on the class path");
    }
}
