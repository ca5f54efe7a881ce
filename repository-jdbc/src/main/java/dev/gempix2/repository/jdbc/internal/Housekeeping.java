package dev.gempix2.repository.jdbc.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Deletes finished records past their retention and in-doubt ones (unfinished, no task id) past theirs, in
 * batches of {@value #BATCH} rows, each batch its own short auto-committed statement, so that no long
 * transaction locks the table. Runs on one daemon thread at a fixed interval.
 */
public final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = System.getLogger("dev.gempix2.jdbc");
    static final int BATCH = 500;

    private final DataSource dataSource;
    private final TaskTable table;
    private final Clock clock;
    private final Duration finishedRetention;
    private final Duration inDoubtRetention;
    private final ScheduledExecutorService timer;

    /**
     * @param dataSource the app's database
     * @param table the table
     * @param clock the time
     * @param finishedRetention how long finished records stay
     * @param inDoubtRetention how long in-doubt records stay
     * @param interval how often it runs on its own
     */
    public Housekeeping(DataSource dataSource, TaskTable table, Clock clock, Duration finishedRetention,
                        Duration inDoubtRetention, Duration interval) {
        this.dataSource = dataSource;
        this.table = table;
        this.clock = clock;
        this.finishedRetention = finishedRetention;
        this.inDoubtRetention = inDoubtRetention;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gempix2-jdbc-housekeeping-" + table.name());
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * @return how many records were deleted
     * @throws SQLException when the database fails
     */
    public int run() throws SQLException {
        Instant now = clock.instant();
        int deleted = deleteAll("finished = TRUE AND updated_at < ?", now.minus(finishedRetention));
        deleted += deleteAll("finished = FALSE AND task_id IS NULL AND created_at < ?", now.minus(inDoubtRetention));
        if (deleted > 0) {
            LOG.log(Level.DEBUG, "GemPix2 housekeeping deleted {0} record(s) from {1}", deleted, table.name());
        }
        return deleted;
    }

    private int deleteAll(String where, Instant cutoff) throws SQLException {
        int total = 0;
        while (true) {
            int deleted;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                deleted = table.deleteBatch(connection, where, cutoff, BATCH);
            }
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }

    private void runQuietly() {
        try {
            run();
        } catch (SQLException | RuntimeException failed) {
            LOG.log(Level.WARNING, "GemPix2 housekeeping of " + table.name() + " failed; it runs again later: "
                    + failed);
        }
    }

    /** Stops the timer. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
