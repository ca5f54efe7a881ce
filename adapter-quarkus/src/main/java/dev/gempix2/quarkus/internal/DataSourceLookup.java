package dev.gempix2.quarkus.internal;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.Set;
import java.lang.annotation.Annotation;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Finds the application's Agroal datasource: the default one, or a named one through the
 * {@code io.quarkus.agroal.DataSource} qualifier (looked up by name, so that the adapter does not depend on
 * quarkus-agroal).
 */
public final class DataSourceLookup {
    private DataSourceLookup() {
    }

    /**
     * @param name the datasource's name ({@code quarkus.datasource.NAME.*}), or empty for the default one
     * @return the datasource
     */
    public static DataSource find(Optional<String> name) {
        InstanceHandle<DataSource> handle = name.isEmpty() ? Arc.container().instance(DataSource.class)
                : Arc.container().instance(DataSource.class, qualifier(name.get()));
        if (!handle.isAvailable()) {
            throw new ConfigurationException(name.map(n -> "gempix2.repository.datasource names '" + n
                    + "', but there is no datasource of that name (quarkus.datasource." + n + ".*)")
                    .orElse("gempix2.repository.type=jdbc needs a datasource: add quarkus-agroal, a JDBC driver "
                            + "extension, quarkus.datasource.db-kind (read at build time: without it Quarkus "
                            + "creates no datasource) and quarkus.datasource.jdbc.url"),
                    Set.of("gempix2.repository.datasource"));
        }
        return handle.get();
    }

    private static Annotation qualifier(String name) {
        try {
            Class<?> literal = Class.forName("io.quarkus.agroal.DataSource$DataSourceLiteral", true,
                    Thread.currentThread().getContextClassLoader());
            return (Annotation) literal.getConstructor(String.class).newInstance(name);
        } catch (ReflectiveOperationException | LinkageError missing) {
            throw new ConfigurationException("gempix2.repository.datasource needs quarkus-agroal: " + missing,
                    Set.of("gempix2.repository.datasource"));
        }
    }
}
