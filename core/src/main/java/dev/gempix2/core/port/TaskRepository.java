package dev.gempix2.core.port;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a client keeps what it knows of its tasks, so that a restarted application can go on waiting for
 * them and a callback can be matched to its task. {@code InMemoryTaskRepository} is the default; a
 * database-backed one plugs in here.
 *
 * <p>Implementations are thread-safe. Calls may block briefly (a database round trip); the client never
 * calls them on a transport's I/O thread.
 *
 * <p><b>A store shared by several instances</b> (several JVMs on one database) also overrides the default
 * methods below: {@link #leaseDuration()}, {@link #claimUnfinished()}, {@link #renewLeases(Collection)},
 * {@link #releaseLeases(Collection)} so that each unfinished task is followed by one instance at a time, and
 * {@link #subscribe(Consumer)} so that a wait completes on the instance that awaits a task when another
 * instance records its end. The defaults describe a store used by one client alone: every unfinished record
 * is this client's, nobody else changes records. Stores written before these methods keep working unchanged.
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

    /**
     * How long a lease on a record lasts before another instance may take the task over. A store with leases
     * stamps a record it inserts with a lease for the saving instance; the client renews the leases of the
     * tasks it waits for well before they expire, releases them when it stops waiting, and every
     * {@code leaseDuration} claims again (taking over the tasks of instances that died).
     *
     * @return the lease duration; empty (the default) for a store without leases
     */
    default Optional<Duration> leaseDuration() {
        return Optional.empty();
    }

    /**
     * Takes a lease on every unfinished record that no other live instance holds (its lease is absent, expired,
     * or already this instance's), so that several instances calling this at once split the records between
     * them. The default, for a store without leases, is {@link #findUnfinished()}.
     *
     * @return the unfinished records this instance now holds a lease on (records with no task id yet may be
     *         among them; the client skips those)
     */
    default List<TaskRecord> claimUnfinished() {
        return findUnfinished();
    }

    /**
     * Extends this instance's leases on these tasks by {@link #leaseDuration()} from now. Tasks whose lease
     * another instance holds are left alone. The default does nothing.
     *
     * @param taskIds the tasks this instance still waits for
     */
    default void renewLeases(Collection<TaskId> taskIds) {
    }

    /**
     * Gives up this instance's leases on these tasks (it stopped waiting for them, or it is closing), so that
     * another instance may claim them at once. The default does nothing.
     *
     * @param taskIds the tasks this instance no longer follows
     */
    default void releaseLeases(Collection<TaskId> taskIds) {
    }

    /**
     * Subscribes to records changed through another view of the store (another instance), at least those that
     * became finished, so that the instance awaiting a task learns of its end without a query to the provider.
     * Delivery is a best effort (a lost message only means the wait completes at its next poll), may come on
     * the store's own thread and must not block it. The default never calls the listener.
     *
     * @param listener told of each changed record, as stored
     * @return what stops the subscription
     */
    default Subscription subscribe(Consumer<TaskRecord> listener) {
        return () -> { };
    }

    /** Ends a {@link #subscribe(Consumer)}; closing twice is harmless. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        /** Stops the deliveries; never throws. */
        @Override
        void close();
    }
}
