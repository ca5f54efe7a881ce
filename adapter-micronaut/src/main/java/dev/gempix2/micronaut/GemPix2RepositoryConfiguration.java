package dev.gempix2.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code gempix2.repository.*} keys: where task records live. With {@code type: jdbc} the adapter builds a
 * {@code JdbcTaskRepository} (artifact {@code gempix2-repository-jdbc}) on the application's {@code DataSource}
 * bean, so that several instances share their tasks; it is closed when the application stops.
 *
 * <pre>{@code
 * gempix2:
 *   repository:
 *     type: jdbc            # memory (default) or jdbc
 *     datasource: default   # the DataSource bean's name; default the default one
 * }</pre>
 */
@ConfigurationProperties(GemPix2RepositoryConfiguration.PREFIX)
public class GemPix2RepositoryConfiguration {
    /** The prefix of these keys. */
    public static final String PREFIX = "gempix2.repository";

    private String type = "memory";
    private String datasource;
    private String table = "gempix2_task";
    private Duration lease = Duration.ofSeconds(30);

    /** @return {@code memory} or {@code jdbc} */
    public String getType() {
        return type;
    }

    /**
     * Where task records live: {@code memory} (default; forgotten when the application stops) or {@code jdbc}
     * (the application's database, shared by its instances; needs gempix2-repository-jdbc and a DataSource).
     *
     * @param type memory or jdbc
     */
    public void setType(String type) {
        this.type = type;
    }

    /** @return the DataSource bean's name, when not the default one */
    public Optional<String> getDatasource() {
        return Optional.ofNullable(datasource).filter(name -> !name.isBlank());
    }

    /**
     * The name of the DataSource bean to use with type jdbc (as in datasources.NAME.*); default the default one.
     *
     * @param datasource the bean's name
     */
    public void setDatasource(String datasource) {
        this.datasource = datasource;
    }

    /** @return the table's name */
    public String getTable() {
        return table;
    }

    /**
     * The table of task records with type jdbc; created if missing; default gempix2_task.
     *
     * @param table the table's name, optionally schema-qualified
     */
    public void setTable(String table) {
        this.table = table;
    }

    /** @return the lease duration */
    public Duration getLease() {
        return lease;
    }

    /**
     * How long an instance's lease on a task lasts unless renewed, with type jdbc: the longest the tasks of an
     * instance that died wait for another to take them over; default 30s.
     *
     * @param lease the duration
     */
    public void setLease(Duration lease) {
        this.lease = lease;
    }
}
