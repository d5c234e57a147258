package org.negotiationledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL of a run: a schema of its own, made afresh, for the ledger and the baselines. */
final class Database {

    static final String SCHEMA = "ledger_bench";

    private final String url;
    private final String user;
    private final String password;

    Database(Options options) {
        this.url = options.dbUrl();
        this.user = options.dbUser();
        this.password = options.dbPassword();
    }

    void freshSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            sql.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    /** The JDBC URL of the run's schema. */
    String schemaUrl() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(schemaUrl(), user, password);
    }

    /** A connection with extra settings of the JDBC driver, such as {@code reWriteBatchedInserts=true}. */
    Connection connect(String settings) throws SQLException {
        return DriverManager.getConnection(schemaUrl() + "&" + settings, user, password);
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }
}
