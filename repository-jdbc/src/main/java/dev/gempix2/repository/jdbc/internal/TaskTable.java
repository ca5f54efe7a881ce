package dev.gempix2.repository.jdbc.internal;

import dev.gempix2.core.model.TaskId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every statement the repository runs on its table, each on a connection the caller passes in (the caller owns
 * the transaction). The table name is validated before it gets here; everything else is a bind parameter.
 */
public final class TaskTable {
    /** The columns every read selects, in the order {@link RowReader} reads them. */
    static final String COLUMNS = "record_id, row_version, task_id, token_hash, finished, request_json, "
            + "snapshot_json, abandoned_because, created_at, updated_at";
    /** The layout of the rows this version writes; a row with a higher one is skipped. */
    public static final int ROW_VERSION = 1;
    private static final int IN_LIST = 100;

    private final String table;
    private final Dialect dialect;
    private final java.util.concurrent.atomic.AtomicLong statements = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param table the validated table name
     * @param dialect the database
     */
    public TaskTable(String table, Dialect dialect) {
        this.table = table;
        this.dialect = dialect;
    }

    /** @return how many statements this table has run */
    public long statementCount() {
        return statements.get();
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        statements.incrementAndGet();
        return connection.prepareStatement(sql);
    }

    /** @return the table name */
    public String name() {
        return table;
    }

    /**
     * Inserts or replaces a row; a new row gets a lease for the saving instance, a replaced one keeps its lease.
     *
     * @param connection in a transaction
     * @param row the values
     * @param owner the saving instance
     * @param leaseExpires when a new row's lease ends
     * @throws SQLException when the database fails
     */
    public void upsert(Connection connection, Row row, String owner, Instant leaseExpires) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement insert = prepare(connection, "INSERT INTO " + table + " (" + COLUMNS
                    + ", status, lease_owner, lease_expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (record_id) DO UPDATE SET row_version = EXCLUDED.row_version, "
                    + "task_id = EXCLUDED.task_id, token_hash = EXCLUDED.token_hash, finished = EXCLUDED.finished, "
                    + "request_json = EXCLUDED.request_json, snapshot_json = EXCLUDED.snapshot_json, "
                    + "abandoned_because = EXCLUDED.abandoned_because, created_at = EXCLUDED.created_at, "
                    + "updated_at = EXCLUDED.updated_at, status = EXCLUDED.status")) {
                bindInsert(insert, row, owner, leaseExpires);
                insert.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update = prepare(connection, "UPDATE " + table + " SET row_version = ?, "
                + "task_id = ?, token_hash = ?, finished = ?, request_json = ?, snapshot_json = ?, "
                + "abandoned_because = ?, created_at = ?, updated_at = ?, status = ? WHERE record_id = ?")) {
            update.setInt(1, ROW_VERSION);
            update.setString(2, row.taskId());
            update.setBytes(3, row.tokenHash());
            update.setBoolean(4, row.finished());
            update.setString(5, row.requestJson());
            update.setString(6, row.snapshotJson());
            update.setString(7, row.abandonedBecause());
            setInstant(update, 8, row.createdAt());
            setInstant(update, 9, row.updatedAt());
            update.setString(10, row.status());
            update.setString(11, row.recordId());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = prepare(connection, "INSERT INTO " + table + " (" + COLUMNS
                + ", status, lease_owner, lease_expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindInsert(insert, row, owner, leaseExpires);
            insert.executeUpdate();
        }
    }

    private static void bindInsert(PreparedStatement insert, Row row, String owner, Instant leaseExpires)
            throws SQLException {
        insert.setString(1, row.recordId());
        insert.setInt(2, ROW_VERSION);
        insert.setString(3, row.taskId());
        insert.setBytes(4, row.tokenHash());
        insert.setBoolean(5, row.finished());
        insert.setString(6, row.requestJson());
        insert.setString(7, row.snapshotJson());
        insert.setString(8, row.abandonedBecause());
        setInstant(insert, 9, row.createdAt());
        setInstant(insert, 10, row.updatedAt());
        insert.setString(11, row.status());
        insert.setString(12, row.finished() ? null : owner);
        setInstant(insert, 13, row.finished() ? null : leaseExpires);
    }

    /**
     * Tells the listening instances that a record changed (PostgreSQL only; delivered on commit).
     *
     * @param connection in the saving transaction
     * @param channel the channel
     * @param payload the message
     * @throws SQLException when the database fails
     */
    public void notify(Connection connection, String channel, String payload) throws SQLException {
        try (PreparedStatement notify = prepare(connection, "SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    /**
     * @param connection a connection
     * @param where the condition, with {@code ?} for the argument
     * @param argument a string or byte array
     * @param order the ORDER BY clause or ""
     * @param reader what makes each row a record
     * @param <T> the result type
     * @return the rows read
     * @throws SQLException when the database fails
     */
    public <T> List<T> select(Connection connection, String where, Object argument, String order,
                              RowReader<T> reader) throws SQLException {
        try (PreparedStatement select = prepare(connection, "SELECT " + COLUMNS + " FROM " + table
                + " WHERE " + where + order)) {
            if (argument instanceof byte[] bytes) {
                select.setBytes(1, bytes);
            } else if (argument != null) {
                select.setString(1, argument.toString());
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    T row = reader.read(result);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
            return rows;
        }
    }

    /**
     * Takes the lease on every unfinished row with a task id whose lease is absent, expired or already ours.
     *
     * @param connection in a transaction
     * @param owner this instance
     * @param now the current time
     * @param expires the new lease's end
     * @return how many rows were claimed
     * @throws SQLException when the database fails
     */
    public int claim(Connection connection, String owner, Instant now, Instant expires) throws SQLException {
        try (PreparedStatement claim = prepare(connection, "UPDATE " + table
                + " SET lease_owner = ?, lease_expires = ? WHERE finished = FALSE AND task_id IS NOT NULL AND "
                + "(lease_owner IS NULL OR lease_owner = ? OR lease_expires IS NULL OR lease_expires < ?)")) {
            claim.setString(1, owner);
            setInstant(claim, 2, expires);
            claim.setString(3, owner);
            setInstant(claim, 4, now);
            return claim.executeUpdate();
        }
    }

    /**
     * Renews or releases this instance's leases on some tasks, in statements of at most 100 ids.
     *
     * @param connection a connection
     * @param owner this instance
     * @param taskIds the tasks
     * @param expires the new end, or null to release
     * @return how many statements ran
     * @throws SQLException when the database fails
     */
    public int setLeases(Connection connection, String owner, Collection<TaskId> taskIds, Instant expires)
            throws SQLException {
        List<TaskId> ids = List.copyOf(taskIds);
        int count = 0;
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<TaskId> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement update = prepare(connection, "UPDATE " + table + " SET lease_owner = ?, "
                    + "lease_expires = ? WHERE lease_owner = ? AND task_id IN (" + marks + ")")) {
                update.setString(1, expires == null ? null : owner);
                setInstant(update, 2, expires);
                update.setString(3, owner);
                for (int i = 0; i < chunk.size(); i++) {
                    update.setString(4 + i, chunk.get(i).value());
                }
                update.executeUpdate();
                count++;
            }
        }
        return count;
    }

    /**
     * Deletes at most {@code limit} rows matching a condition, in the caller's (short) transaction.
     *
     * @param connection a connection
     * @param where the condition, with one {@code ?} for the cutoff
     * @param cutoff the time
     * @param limit the batch size
     * @return how many were deleted
     * @throws SQLException when the database fails
     */
    public int deleteBatch(Connection connection, String where, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement delete = prepare(connection, "DELETE FROM " + table + " WHERE record_id IN "
                + "(SELECT record_id FROM " + table + " WHERE " + where + " FETCH FIRST " + limit + " ROWS ONLY)")) {
            setInstant(delete, 1, cutoff);
            return delete.executeUpdate();
        }
    }

    /**
     * @param statement a statement
     * @param index the parameter
     * @param instant a time or null, stored to the microsecond in UTC
     * @throws SQLException when binding fails
     */
    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }

    /**
     * @param result a row
     * @param column the column
     * @return the time, or null
     * @throws SQLException when reading fails
     */
    static Instant instant(ResultSet result, String column) throws SQLException {
        OffsetDateTime value = result.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * One row's values as written.
     *
     * @param recordId the record id
     * @param taskId the task id or null
     * @param tokenHash the token's hash or null
     * @param finished whether the record is finished
     * @param status the last status's name or null
     * @param requestJson the request or null
     * @param snapshotJson the last snapshot or null
     * @param abandonedBecause the abandon reason or null
     * @param createdAt creation time
     * @param updatedAt last change
     */
    public record Row(String recordId, String taskId, byte[] tokenHash, boolean finished, String status,
                      String requestJson, String snapshotJson, String abandonedBecause, Instant createdAt,
                      Instant updatedAt) {
    }

    /**
     * Makes a record of the current row, or null to skip it.
     *
     * @param <T> the result
     */
    @FunctionalInterface
    public interface RowReader<T> {
        /**
         * @param result positioned on a row
         * @return the value, or null to skip the row
         * @throws SQLException when reading fails
         */
        T read(ResultSet result) throws SQLException;
    }
}
