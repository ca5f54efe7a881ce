package dev.gempix2.repository.jdbc.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * PostgreSQL's push: one dedicated connection per repository that {@code LISTEN}s on the table's channel and
 * hands each payload to a consumer, on its own daemon thread. When the connection breaks (a database restart)
 * it reconnects with a doubling backoff up to 30 s; messages sent meanwhile are lost, which only means the
 * waits they would have completed complete at their next poll. The driver's notification API is reached by
 * reflection, so the module needs no driver at compile time.
 */
public final class ChangeListener implements AutoCloseable {
    private static final Logger LOG = System.getLogger("dev.gempix2.jdbc");
    private static final int WAIT_MILLIS = 250;
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final String channel;
    private final Consumer<String> consumer;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;
    private volatile Connection connection;

    /**
     * Starts listening.
     *
     * @param dataSource where the dedicated connection comes from
     * @param channel the channel (a validated identifier)
     * @param consumer told of each payload, on the listening thread
     */
    public ChangeListener(DataSource dataSource, String channel, Consumer<String> consumer) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.consumer = consumer;
        this.thread = new Thread(this::run, "gempix2-jdbc-listen-" + channel);
        thread.setDaemon(true);
        thread.start();
    }

    /** @return true while the listening connection is up (for tests and health checks) */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(250);
        while (!closed) {
            try (Connection open = dataSource.getConnection()) {
                connection = open;
                open.setAutoCommit(true);
                try (Statement listen = open.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", true,
                        open.getClass().getClassLoader());
                Object pg = open.unwrap(pgConnection);
                Method poll = pgConnection.getMethod("getNotifications", int.class);
                if (!listening) {
                    LOG.log(Level.DEBUG, "GemPix2 listens for task changes on channel {0}", channel);
                }
                listening = true;
                backoff = Duration.ofMillis(250);
                while (!closed) {
                    deliver(poll.invoke(pg, WAIT_MILLIS));
                }
                try (Statement unlisten = open.createStatement()) {
                    // The connection may go back to a pool: it must not keep collecting messages there.
                    unlisten.execute("UNLISTEN " + channel);
                }
            } catch (ReflectiveOperationException | SQLException | RuntimeException broken) {
                boolean wasListening = listening;
                listening = false;
                if (closed) {
                    return;
                }
                Throwable cause = broken instanceof java.lang.reflect.InvocationTargetException invoked
                        && invoked.getCause() != null ? invoked.getCause() : broken;
                LOG.log(wasListening ? Level.WARNING : Level.DEBUG, "GemPix2's listening connection on channel "
                        + channel + " broke (" + cause + "); reconnecting in " + backoff.toMillis() + " ms; waits "
                        + "complete at their polls meanwhile");
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF
                        : backoff.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private void deliver(Object notifications) throws ReflectiveOperationException {
        if (notifications == null) {
            return;
        }
        for (int i = 0; i < Array.getLength(notifications); i++) {
            Object notification = Array.get(notifications, i);
            Class<?> type = Class.forName("org.postgresql.PGNotification", true,
                    notification.getClass().getClassLoader());
            String payload = (String) type.getMethod("getParameter").invoke(notification);
            try {
                consumer.accept(payload);
            } catch (RuntimeException failed) {
                LOG.log(Level.WARNING, "Handling a GemPix2 task change failed", failed);
            }
        }
    }

    private void pause(Duration backoff) {
        synchronized (this) {
            try {
                // Not a test wait: the reconnect backoff of a background thread, cut short by close().
                wait(backoff.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    /** Stops listening and closes the connection. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        try {
            // The thread notices within one poll (250 ms), unlistens and closes its connection.
            thread.join(2_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        Connection open = connection;
        if (thread.isAlive() && open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                LOG.log(Level.DEBUG, "Closing GemPix2's listening connection failed: {0}", ignored.toString());
            }
        }
    }
}
