package dev.gempix2.repository.jdbc;

import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.TaskRepository;
import dev.gempix2.repository.jdbc.internal.ChangeListener;
import dev.gempix2.repository.jdbc.internal.Connections;
import dev.gempix2.repository.jdbc.internal.Dialect;
import dev.gempix2.repository.jdbc.internal.Housekeeping;
import dev.gempix2.repository.jdbc.internal.Identifiers;
import dev.gempix2.repository.jdbc.internal.RecordRows;
import dev.gempix2.repository.jdbc.internal.SchemaScript;
import dev.gempix2.repository.jdbc.internal.TaskTable;
import dev.gempix2.repository.jdbc.internal.TokenCache;
import dev.gempix2.repository.jdbc.internal.TokenHashes;
import dev.gempix2.repository.jdbc.internal.UnreadableRowException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A {@link TaskRepository} in the app's own database (PostgreSQL 13+, or H2 2.x), shared by every instance of
 * the app: records survive a crash, each unfinished task is followed by one instance at a time (a lease in the
 * table), and on PostgreSQL a record finished by one instance is pushed to the others ({@code LISTEN}/
 * {@code NOTIFY}), so that the wait on the instance that awaits it completes without a query.
 *
 * <pre>{@code
 * JdbcTaskRepository repository = JdbcTaskRepository.builder(dataSource)
 *         .leaseDuration(Duration.ofSeconds(30))
 *         .build();                                   // creates the table unless createSchema(false)
 * GemPix2Client client = GemPix2Client.builder().generator(transport).repository(repository).build();
 * client.resumeUnfinished();                          // follows what crashed instances left behind
 * }</pre>
 *
 * <p>Every {@link #save(TaskRecord)} is one transaction. Callback tokens are stored only as SHA-256 hashes: a
 * record read back by its token carries the token, one read back otherwise carries it masked
 * ({@code sha256-<hex>}) unless this repository object saved it. Takes the app's {@link DataSource} (it has no
 * pool of its own) and holds one of its connections for the push while a client is subscribed. Thread-safe;
 * {@link #close()} stops the push and the housekeeping, never the {@code DataSource}.
 */
public final class JdbcTaskRepository implements TaskRepository, AutoCloseable {
    private static final Logger LOG = System.getLogger("dev.gempix2.jdbc");

    private final DataSource dataSource;
    private final TaskTable table;
    private final Connections connections;
    private final Dialect dialect;
    private final String instanceId;
    private final Duration leaseDuration;
    private final Clock clock;
    private final String channel;
    private final TokenCache tokens = new TokenCache();
    private final Housekeeping housekeeping;
    private final List<Consumer<TaskRecord>> subscribers = new CopyOnWriteArrayList<>();
    private ChangeListener listener;
    private volatile boolean closed;

    private JdbcTaskRepository(Builder builder) {
        this.dataSource = builder.dataSource;
        this.instanceId = builder.instanceId != null ? builder.instanceId : Identifiers.defaultInstanceId();
        this.leaseDuration = builder.leaseDuration;
        this.clock = builder.clock;
        this.channel = builder.tableName.toLowerCase(java.util.Locale.ROOT).replace('.', '_');
        try (Connection connection = dataSource.getConnection()) {
            this.dialect = Dialect.of(connection);
            if (builder.createSchema) {
                SchemaScript.run(connection, dialect, builder.tableName);
            }
        } catch (SQLException unreachable) {
            throw new GemPix2Exception("JdbcTaskRepository (table " + builder.tableName + ") could not reach its "
                    + "database or create its table: " + unreachable.getMessage(), unreachable);
        }
        this.table = new TaskTable(builder.tableName, dialect);
        this.connections = new Connections(dataSource, "JdbcTaskRepository (table " + builder.tableName + ")");
        this.housekeeping = new Housekeeping(dataSource, table, clock, builder.finishedRetention,
                builder.inDoubtRetention, builder.housekeepingInterval);
    }

    /**
     * A repository with every default: table {@code gempix2_task} (created if missing), lease 30 s, finished
     * records kept 7 days, in-doubt records 24 h.
     *
     * @param dataSource the app's database
     * @return the repository
     * @throws GemPix2Exception when the database is unreachable or neither PostgreSQL 13+ nor H2 2.x
     */
    public static JdbcTaskRepository create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * @param dataSource the app's database
     * @return a builder with the defaults of {@link #create(DataSource)}
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    @Override
    public void save(TaskRecord record) {
        TaskTable.Row row = RecordRows.toRow(record);
        Instant now = clock.instant();
        inTransaction("save record " + record.recordId(), connection -> {
            table.upsert(connection, row, instanceId, now.plus(leaseDuration));
            if (dialect.pushes() && record.isFinished() && record.taskId().isPresent()) {
                table.notify(connection, channel, instanceId + "\n" + record.recordId());
            }
            return null;
        });
        record.callbackToken().ifPresent(token -> tokens.remember(record.recordId(), token));
    }

    @Override
    public Optional<TaskRecord> findByTaskId(TaskId id) {
        if (id == null) {
            return Optional.empty();
        }
        return first(read("find task " + id, connection -> table.select(connection, "task_id = ?", id.value(),
                " ORDER BY updated_at DESC", result -> RecordRows.fromRow(result, tokens::tokenOrMask))));
    }

    @Override
    public Optional<TaskRecord> findByCallbackToken(String callbackToken) {
        if (callbackToken == null || callbackToken.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = TokenHashes.hash(callbackToken);
        return first(read("find a record by its callback token", connection -> table.select(connection,
                "token_hash = ?", hash, "", result -> RecordRows.fromRow(result, (recordId, stored) -> callbackToken))));
    }

    @Override
    public List<TaskRecord> findUnfinished() {
        return read("list the unfinished records", connection -> table.select(connection, "finished = FALSE", null,
                " ORDER BY created_at", this::readableOrSkipped));
    }

    @Override
    public Optional<Duration> leaseDuration() {
        return Optional.of(leaseDuration);
    }

    @Override
    public List<TaskRecord> claimUnfinished() {
        Instant now = clock.instant();
        return inTransaction("claim the unfinished records", connection -> {
            table.claim(connection, instanceId, now, now.plus(leaseDuration));
            return table.select(connection, "finished = FALSE AND lease_owner = ?", instanceId, " ORDER BY created_at",
                    this::readableOrSkipped);
        });
    }

    @Override
    public void renewLeases(Collection<TaskId> taskIds) {
        if (taskIds != null && !taskIds.isEmpty()) {
            Instant expires = clock.instant().plus(leaseDuration);
            read("renew " + taskIds.size() + " lease(s)", connection -> table.setLeases(connection, instanceId, taskIds,
                    expires));
        }
    }

    @Override
    public void releaseLeases(Collection<TaskId> taskIds) {
        if (taskIds != null && !taskIds.isEmpty()) {
            read("release " + taskIds.size() + " lease(s)", connection -> table.setLeases(connection, instanceId,
                    taskIds, null));
        }
    }

    /**
     * On PostgreSQL, the first subscriber opens the listening connection; on H2 the listener is never called.
     */
    @Override
    public synchronized Subscription subscribe(Consumer<TaskRecord> subscriber) {
        subscribers.add(subscriber);
        if (dialect.pushes() && listener == null && !closed) {
            listener = new ChangeListener(dataSource, channel, this::changedElsewhere);
        }
        return () -> unsubscribe(subscriber);
    }

    /**
     * Deletes, in batches of 500 rows each in its own short transaction, the finished records older than
     * {@code finishedRetention} and the in-doubt ones (no task id, unfinished) older than {@code inDoubtRetention}.
     * Runs by itself every 10 minutes; call it to run it now.
     *
     * @return how many records were deleted
     */
    public int removeExpired() {
        try {
            return housekeeping.run();
        } catch (SQLException failed) {
            throw failure("remove expired records", failed);
        }
    }

    /** @return this instance's id, the owner of its leases */
    public String instanceId() {
        return instanceId;
    }

    /** @return how many SQL statements this repository has run (for benchmarks and monitoring) */
    public long statementCount() {
        return table.statementCount();
    }

    /** @return true while the push's listening connection is up (always false on H2) */
    public boolean isListening() {
        ChangeListener current = listener;
        return current != null && current.isListening();
    }

    /** Stops the push and the housekeeping; the {@code DataSource} stays open (it is the app's). */
    @Override
    public void close() {
        ChangeListener stopping;
        synchronized (this) {
            closed = true;
            stopping = listener;
            listener = null;
        }
        if (stopping != null) {
            stopping.close();
        }
        housekeeping.close();
    }

    @Override
    public String toString() {
        return "JdbcTaskRepository[table=" + table.name() + ", database=" + dialect + ", instance=" + instanceId
                + ", lease=" + leaseDuration + "]";
    }

    private synchronized void unsubscribe(Consumer<TaskRecord> subscriber) {
        subscribers.remove(subscriber);
        if (subscribers.isEmpty() && listener != null) {
            listener.close();
            listener = null;
        }
    }

    private void changedElsewhere(String payload) {
        int newline = payload.indexOf('\n');
        if (newline < 0 || payload.substring(0, newline).equals(instanceId) || subscribers.isEmpty()) {
            return;
        }
        String recordId = payload.substring(newline + 1);
        Optional<TaskRecord> record = first(read("read changed record " + recordId, connection -> table.select(
                connection, "record_id = ?", recordId, "", result -> RecordRows.fromRow(result, tokens::tokenOrMask))));
        record.ifPresent(changed -> subscribers.forEach(subscriber -> subscriber.accept(changed)));
    }

    private TaskRecord readableOrSkipped(java.sql.ResultSet result) throws SQLException {
        try {
            return RecordRows.fromRow(result, tokens::tokenOrMask);
        } catch (UnreadableRowException unreadable) {
            LOG.log(Level.ERROR, unreadable.getMessage() + " (table " + table.name() + "); skipped, the others go on");
            return null;
        }
    }

    private static Optional<TaskRecord> first(List<TaskRecord> records) {
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(0));
    }

    private GemPix2Exception failure(String what, SQLException cause) {
        return connections.failure(what, cause);
    }

    private <T> T read(String what, Connections.Work<T> work) {
        return connections.autoCommitted(what, work);
    }

    private <T> T inTransaction(String what, Connections.Work<T> work) {
        return connections.inTransaction(what, work);
    }

    /**
     * Builds a {@link JdbcTaskRepository}. Every setter's javadoc names its default; {@link #build()} validates.
     * Not thread-safe.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private String tableName = "gempix2_task";
        private String instanceId;
        private Duration leaseDuration = Duration.ofSeconds(30);
        private Duration finishedRetention = Duration.ofDays(7);
        private Duration inDoubtRetention = Duration.ofHours(24);
        private boolean createSchema = true;
        private Duration housekeepingInterval = Duration.ofMinutes(10);
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            if (dataSource == null) {
                throw new IllegalArgumentException("JdbcTaskRepository needs a DataSource, got null");
            }
            this.dataSource = dataSource;
        }

        /**
         * @param tableName the table, optionally schema-qualified ({@code app.gempix2_task}); letters, digits and
         *                  underscores; default {@code gempix2_task}
         * @return this builder
         */
        public Builder tableName(String tableName) {
            this.tableName = Identifiers.tableName(tableName);
            return this;
        }

        /**
         * @param instanceId names this instance as the owner of its leases; unique per running instance; default
         *                   the host name and a random suffix
         * @return this builder
         */
        public Builder instanceId(String instanceId) {
            this.instanceId = Identifiers.instanceId(instanceId);
            return this;
        }

        /**
         * @param lease how long a lease lasts unless renewed: the longest a dead instance's tasks wait before another
         *              instance takes them over; default 30 s
         * @return this builder
         */
        public Builder leaseDuration(Duration lease) {
            this.leaseDuration = positive("leaseDuration", lease);
            return this;
        }

        /**
         * @param retention how long finished records stay before housekeeping deletes them; default 7 days
         * @return this builder
         */
        public Builder finishedRetention(Duration retention) {
            this.finishedRetention = positive("finishedRetention", retention);
            return this;
        }

        /**
         * @param retention how long in-doubt records (a submit whose outcome is unknown, no task id) stay, so that
         *                  a late callback can still adopt the task; default 24 h
         * @return this builder
         */
        public Builder inDoubtRetention(Duration retention) {
            this.inDoubtRetention = positive("inDoubtRetention", retention);
            return this;
        }

        /**
         * @param create whether {@link #build()} creates the table and its indexes if missing (the DDL shipped in
         *               the jar, idempotent); false when Flyway or Liquibase own the schema; default true
         * @return this builder
         */
        public Builder createSchema(boolean create) {
            this.createSchema = create;
            return this;
        }

        /** Tests run housekeeping by hand. */
        Builder housekeepingInterval(Duration interval) {
            this.housekeepingInterval = positive("housekeepingInterval", interval);
            return this;
        }

        /** Tests move time. */
        Builder clock(Clock clock) {
            this.clock = java.util.Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the repository, its table created unless {@code createSchema(false)}
         * @throws GemPix2Exception naming the table when the database is unreachable, or neither PostgreSQL 13+
         *         nor H2 2.x
         */
        public JdbcTaskRepository build() {
            return new JdbcTaskRepository(this);
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
            }
            return value;
        }
    }
}
