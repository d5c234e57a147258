package org.negotiationledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cost curve, on demand: the store grown to 1, 3 and 10 million events over 1,000
 * negotiations (100,000, 300,000 and 1,000,000 with --quick), and at each size the matrix, the
 * matrix as of a date, a cell's history and an audit page timed over HTTP (p50 and p99) against
 * the same best SQL behind the minimal HTTP endpoint, a replay of the positions view, how fast
 * the live views caught up, and the database's bytes per event.
 *
 * <p>Every negotiation grows with the store here, so a cell's history grows too; what must not
 * happen is an answer that grows faster than the baseline's, which reads the one negotiation asked
 * about: the ratio of their p99s at each size tells.
 */
final class GrowthScenario {

    static final int NEGOTIATIONS = 1_000;
    private static final String HISTORY_SQL = "SELECT statement_id, revision, kind, stance, summary, effective_on, "
            + "known_from FROM positions_version WHERE negotiation_id = ? AND party_id = ? AND topic_id = ? "
            + "ORDER BY effective_on, recorded_seq";

    private GrowthScenario() {
    }

    /** The sizes, or those LEDGER_BENCH_GROWTH_SIZES names (comma-separated). */
    static List<Long> sizes(Options options) {
        String named = System.getenv("LEDGER_BENCH_GROWTH_SIZES");
        if (named != null && !named.isBlank()) {
            return Arrays.stream(named.split(",")).map(String::strip).map(Long::valueOf).toList();
        }
        return options.quick() ? List.of(100_000L, 300_000L, 1_000_000L) : List.of(1_000_000L, 3_000_000L, 10_000_000L);
    }

    static void run(Options options, Database database, Ledger ledger, Report report) throws Exception {
        LedgerApi client = ledger.client();
        int requests = options.quick() ? 200 : 1_000;
        LocalDate asOf = LocalDate.parse("2025-03-01");
        for (long size : sizes(options)) {
            String at = "growth." + (size >= 1_000_000 ? size / 1_000_000 + "m" : size / 1_000 + "k");
            long before = Views.head(client) + 1;
            // Each size is stored at once, while the views stand at the head, as a bulk load would.
            long start = System.nanoTime();
            try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
                History.grow(connection, NEGOTIATIONS, size);
                // As autovacuum would soon after (it is off on the bench machine's server).
                sql.execute("ANALYZE domainevententry");
            }
            long writing = System.nanoTime() - start;
            start = System.nanoTime();
            Views.awaitCaughtUp(client, Duration.ofHours(12));
            long catchingUp = System.nanoTime() - start;
            try (Connection connection = database.connect()) {
                analyze(connection);
            }
            report.figure(at + ".write", (size - before) / (writing / 1e9), "events/s");
            report.figure(at + ".views_caught_up", (size - before) / (catchingUp / 1e9), "events/s");

            try (PlainHttpViews plain = new PlainHttpViews(database, LedgerApi.basic("bench", "bench"),
                    QueryScenario.MATRIX_SQL, QueryScenario.AUDIT_SQL)) {
                plain.serveHistory(HISTORY_SQL);
                QueryScenario.compare(report, at + ".matrix", requests, NEGOTIATIONS,
                        n -> client.positions.positions("n-" + n, null, null, null, null, null, null, null, null),
                        n -> plain.get("/matrix?negotiation=n-" + n));
                QueryScenario.compare(report, at + ".asof", requests, NEGOTIATIONS,
                        n -> client.positions.positions("n-" + n, asOf, null, null, null, null, null, null, null),
                        n -> plain.get("/matrix?negotiation=n-" + n + "&asOf=" + asOf));
                QueryScenario.compare(report, at + ".history", requests, NEGOTIATIONS,
                        n -> client.positions.positionHistory("n-" + n, "p" + n % History.PARTIES,
                                "t" + n % History.TOPICS, null, null, null, null, null, null, null),
                        n -> plain.get("/history?negotiation=n-" + n + "&party=p" + n % History.PARTIES + "&topic=t"
                                + n % History.TOPICS));
                QueryScenario.compare(report, at + ".audit", requests, NEGOTIATIONS,
                        n -> client.audit.negotiationAudit("n-" + n, null, null, null, null, null, null, null, null,
                                null, null, 100, null, null, null),
                        n -> plain.get("/audit?negotiation=n-" + n));
            }
            double seconds = ReplayScenario.replay(client);
            report.figure(at + ".replay", size / seconds, "events/s");
            report.figure(at + ".replay.seconds", seconds, "s");
            try (Connection connection = database.connect()) {
                report.figure(at + ".bytes_per_event", bytes(connection, null) / (double) size, "bytes");
                report.figure(at + ".store_bytes_per_event", bytes(connection, "domainevententry") / (double) size,
                        "bytes");
            }
        }
    }

    /**
     * Gathers the statistics of the schema's tables, as autovacuum would soon after so many rows
     * (it is off on the bench machine's server): without them PostgreSQL planned the matrix at ten
     * million events with the index that reads every version of a cell (48 ms p50 against 3.4).
     */
    private static void analyze(Connection connection) throws Exception {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = ?")) {
            sql.setString(1, Database.SCHEMA);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        try (Statement sql = connection.createStatement()) {
            for (String table : tables) {
                sql.execute("ANALYZE " + Database.SCHEMA + "." + table);
            }
        }
    }

    /** The bytes on disk of the schema's tables (with their indexes and TOAST), or of one of them. */
    private static long bytes(Connection connection, String table) throws Exception {
        try (PreparedStatement sql = connection.prepareStatement("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? "
                + "AND c.relkind = 'r' AND (? IS NULL OR c.relname = ?)")) {
            sql.setString(1, Database.SCHEMA);
            sql.setString(2, table);
            sql.setString(3, table);
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
