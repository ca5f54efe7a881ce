package dev.gempix2.repository.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A DataSource whose database a test takes down and brings back ("connection refused" meanwhile). */
final class SwitchableDataSource implements DataSource {
    private final DataSource database;
    private volatile boolean down;
    private final AtomicInteger connectionsUntilDown = new AtomicInteger(-1);

    SwitchableDataSource(DataSource database) {
        this.database = database;
    }

    void down() {
        down = true;
    }

    void up() {
        down = false;
    }

    /** @param connections how many more connections are handed out before the database goes down */
    void downAfter(int connections) {
        connectionsUntilDown.set(connections);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (connectionsUntilDown.get() >= 0 && connectionsUntilDown.getAndDecrement() == 0) {
            down = true;
        }
        if (down) {
            throw new SQLException("Connection to localhost:5432 refused (test)", "08001");
        }
        return database.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
