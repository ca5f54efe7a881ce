package dev.gempix2.core.port;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import java.util.List;
import java.util.Optional;

/**
 * Where a client keeps what it knows of its tasks, so that a restarted application can go on waiting for
 * them and a callback can be matched to its task. {@code InMemoryTaskRepository} is the default; a
 * database-backed one plugs in here.
 *
 * <p>Implementations are thread-safe. Calls may block briefly (a database round trip); the client never
 * calls them on a transport's I/O thread.
 */
public interface TaskRepository {

    /**
     * Inserts the record, or replaces the one with the same {@link TaskRecord#recordId()}.
     *
     * @param record the record to store
     */
    void save(TaskRecord record);

    /**
     * @param id a provider task id
     * @return the record that holds it
     */
    Optional<TaskRecord> findByTaskId(TaskId id);

    /**
     * @param callbackToken the token from a callback URL
     * @return the record holding exactly that token (compared in constant time where it matters)
     */
    Optional<TaskRecord> findByCallbackToken(String callbackToken);

    /** @return every record whose last snapshot is not final, including those with no task id yet */
    List<TaskRecord> findUnfinished();
}
