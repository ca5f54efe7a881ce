package dev.gempix2.repository.jdbc.internal;

import dev.gempix2.core.error.GemPix2Exception;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the repository knows, and what differs between them. */
public enum Dialect {
    /** PostgreSQL 13+: one-statement upsert, LISTEN/NOTIFY for the push. */
    POSTGRESQL("postgresql", true),
    /** H2 2.x: update-then-insert, no push (waits complete at their polls). */
    H2("h2", false);

    private final String folder;
    private final boolean pushes;

    Dialect(String folder, boolean pushes) {
        this.folder = folder;
        this.pushes = pushes;
    }

    /** @return where the DDL is in the jar */
    public String ddlResource() {
        return "/db/gempix2/" + folder + "/V1__gempix2_task.sql";
    }

    /** @return whether the database can tell other instances of a change (LISTEN/NOTIFY) */
    public boolean pushes() {
        return pushes;
    }

    /**
     * @param connection an open connection
     * @return the dialect of its database
     * @throws SQLException when the metadata cannot be read
     * @throws GemPix2Exception naming the database when it is neither PostgreSQL 13+ nor H2 2.x
     */
    public static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        int major = meta.getDatabaseMajorVersion();
        if (name.contains("postgresql") && major >= 13) {
            return POSTGRESQL;
        }
        if (name.equals("h2") && major >= 2) {
            return H2;
        }
        throw new GemPix2Exception("JdbcTaskRepository supports PostgreSQL 13+ and H2 2.x; the DataSource is "
                + product + " " + meta.getDatabaseProductVersion());
    }
}
