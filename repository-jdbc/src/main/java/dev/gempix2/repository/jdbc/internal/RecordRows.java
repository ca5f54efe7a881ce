package dev.gempix2.repository.jdbc.internal;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/** A {@link TaskRecord} as a row of the table, and back. */
public final class RecordRows {
    private RecordRows() {
    }

    /**
     * @param record a record
     * @return its row: the token as its hash, the request with the token masked
     */
    public static TaskTable.Row toRow(TaskRecord record) {
        String token = record.callbackToken().orElse(null);
        return new TaskTable.Row(record.recordId(), record.taskId().map(TaskId::value).orElse(null),
                token == null ? null : TokenHashes.hashToStore(token), record.isFinished(),
                record.lastSnapshot().map(task -> task.status().name()).orElse(null),
                record.request().map(request -> RecordJson.request(request, token)).orElse(null),
                record.lastSnapshot().map(RecordJson::snapshot).orElse(null),
                record.abandonedBecause().orElse(null), record.createdAt(), record.updatedAt());
    }

    /**
     * @param result positioned on a row selected with {@link TaskTable#COLUMNS}
     * @param tokenOf the token to put back for a record id and stored hash (the token itself, or its mask)
     * @return the record
     * @throws SQLException when the database fails
     * @throws UnreadableRowException naming the record when its row cannot be read
     */
    public static TaskRecord fromRow(ResultSet result, BiFunction<String, byte[], String> tokenOf)
            throws SQLException {
        String recordId = result.getString("record_id");
        int version = result.getInt("row_version");
        if (version > TaskTable.ROW_VERSION) {
            throw new UnreadableRowException(recordId, "it was written by a newer version of gempix2-repository-jdbc "
                    + "(row version " + version + ", this one reads up to " + TaskTable.ROW_VERSION + ")");
        }
        try {
            byte[] hash = result.getBytes("token_hash");
            String token = hash == null ? null : tokenOf.apply(recordId, hash);
            String request = result.getString("request_json");
            String snapshot = result.getString("snapshot_json");
            String taskId = result.getString("task_id");
            Instant createdAt = TaskTable.instant(result, "created_at");
            Instant updatedAt = TaskTable.instant(result, "updated_at");
            Optional<ImageRequest> parsedRequest = Optional.ofNullable(request).map(text -> RecordJson.request(text, token));
            Optional<Task> parsedSnapshot = Optional.ofNullable(snapshot).map(RecordJson::snapshot);
            return new TaskRecord(recordId, parsedRequest, Optional.ofNullable(token),
                    Optional.ofNullable(taskId).map(TaskId::of), parsedSnapshot,
                    Optional.ofNullable(result.getString("abandoned_because")), createdAt, updatedAt);
        } catch (RuntimeException malformed) {
            throw new UnreadableRowException(recordId, malformed.toString());
        }
    }
}
