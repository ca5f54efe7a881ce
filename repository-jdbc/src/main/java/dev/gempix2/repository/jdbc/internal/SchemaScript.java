package dev.gempix2.repository.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the DDL shipped in the jar ({@code db/gempix2/<database>/V1__gempix2_task.sql}), idempotently, with the
 * table name put in place of {@code gempix2_task}.
 */
public final class SchemaScript {
    /** The table name the shipped DDL uses. */
    public static final String SHIPPED_NAME = "gempix2_task";

    private SchemaScript() {
    }

    /**
     * @param connection a connection, auto-committed
     * @param dialect the database
     * @param tableName the validated table name, maybe schema-qualified
     * @throws SQLException when a statement fails twice (two instances starting at once may race once)
     */
    public static void run(Connection connection, Dialect dialect, String tableName) throws SQLException {
        List<String> statements = statements(dialect, tableName);
        try {
            execute(connection, statements);
        } catch (SQLException raced) {
            execute(connection, statements);
        }
    }

    /**
     * @param dialect the database
     * @param tableName the table name
     * @return the DDL's statements with that name
     */
    public static List<String> statements(Dialect dialect, String tableName) {
        String simpleName = tableName.substring(tableName.lastIndexOf('.') + 1);
        String script;
        try (InputStream in = SchemaScript.class.getResourceAsStream(dialect.ddlResource())) {
            if (in == null) {
                throw new IllegalStateException(dialect.ddlResource() + " is missing from the jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + dialect.ddlResource(), unreadable);
        }
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            code.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        String named = code.toString()
                .replace(SHIPPED_NAME + "_", simpleName + "_")
                .replace(" " + SHIPPED_NAME + " ", " " + tableName + " ");
        List<String> statements = new ArrayList<>();
        for (String statement : named.split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
