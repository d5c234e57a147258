package org.negotiationledger.api;

import org.junit.jupiter.api.Assumptions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The PostgreSQL the integration tests run against: 127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, unless LEDGER_TEST_DB_URL, _USER and _PASSWORD say otherwise. Each test class
 * gets a schema of its own, made afresh. Where no PostgreSQL answers, the tests are skipped,
 * except when LEDGER_TEST_POSTGRES_REQUIRED=true (as in CI): then they fail.
 */
final class TestDatabase {

    static final String URL = env("LEDGER_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("LEDGER_TEST_DB_USER", "postgres");
    static final String PASSWORD = env("LEDGER_TEST_DB_PASSWORD", "");

    private TestDatabase() {
    }

    /** Drops and creates the schema, and answers the datasource properties that point at it. */
    static Map<String, Object> freshSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            sql.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (Boolean.parseBoolean(System.getenv("LEDGER_TEST_POSTGRES_REQUIRED"))) {
                throw new AssertionError("PostgreSQL is required but cannot be reached at " + URL, e);
            }
            Assumptions.abort("no PostgreSQL at " + URL + ": " + e.getMessage());
        }
        String separator = URL.contains("?") ? "&" : "?";
        return Map.of(
                "spring.datasource.url", URL + separator + "currentSchema=" + schema,
                "spring.datasource.username", USER,
                "spring.datasource.password", PASSWORD,
                "spring.flyway.schemas", schema,
                "spring.flyway.default-schema", schema);
    }

    /** A JDBC template on the database the properties of {@link #freshSchema} point at, with no ledger running. */
    static JdbcTemplate jdbc(Map<String, Object> database) {
        return new JdbcTemplate(new DriverManagerDataSource((String) database.get("spring.datasource.url"),
                (String) database.get("spring.datasource.username"),
                (String) database.get("spring.datasource.password")));
    }

    /** The environment variable's value, or the fallback when it is unset or blank. */
    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
