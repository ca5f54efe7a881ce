package dev.gempix2.repository.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract, shared-store cases included, on H2 2.x (no push). */
class H2ContractTest extends JdbcContract {
    private static DataSource dataSource;

    @BeforeAll
    static void startH2() {
        dataSource = Databases.h2("contract");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected boolean pushesChanges() {
        return false;
    }
}
