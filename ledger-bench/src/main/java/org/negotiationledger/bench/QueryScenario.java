package org.negotiationledger.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Latency of the position matrix, the matrix as of a date, and a page of the audit trail, over
 * HTTP on a history of 1,000,000 events (20,000 with --quick), against the same result read by one
 * plain SQL query over JDBC from the views' tables.
 */
final class QueryScenario {

    private static final String MATRIX_SQL = "SELECT DISTINCT ON (party_id, topic_id) party_id, topic_id, "
            + "statement_id, stance, summary, effective_on FROM positions_version WHERE negotiation_id = ? "
            + "AND superseded_at IS NULL AND kind <> 'RETRACTED' AND effective_on <= ? "
            + "ORDER BY party_id, topic_id, effective_on DESC, recorded_seq DESC";
    private static final String AUDIT_SQL = "SELECT global_position, event_type, recorded_at, payload_json "
            + "FROM audit_event WHERE negotiation_id = ? ORDER BY global_position LIMIT 100";

    private QueryScenario() {
    }

    static void run(Options options, Database database, Ledger ledger, Report report) throws Exception {
        try (Connection connection = database.connect()) {
            History.write(connection, ReplayScenario.events(options));
        }
        LedgerClient client = ledger.client();
        Views.awaitCaughtUp(client, Duration.ofHours(6));
        int requests = options.quick() ? 200 : 1_000;
        LocalDate asOf = LocalDate.parse("2025-03-01");
        LocalDate last = LocalDate.parse("9999-12-31");

        try (Connection connection = database.connect()) {
            compare(report, "matrix", requests,
                    n -> client.get("/api/negotiations/n-" + n + "/positions"),
                    n -> sql(connection, MATRIX_SQL, "n-" + n, last));
            compare(report, "asof", requests,
                    n -> client.get("/api/negotiations/n-" + n + "/positions?asOf=" + asOf),
                    n -> sql(connection, MATRIX_SQL, "n-" + n, asOf));
            compare(report, "audit", requests,
                    n -> client.get("/api/negotiations/n-" + n + "/audit?limit=100"),
                    n -> sql(connection, AUDIT_SQL, "n-" + n, null));
        }
    }

    @FunctionalInterface
    private interface Query {
        void run(int negotiation) throws Exception;
    }

    private static void compare(Report report, String name, int requests, Query ledger, Query baseline)
            throws Exception {
        List<Long> plain = time(baseline, requests);
        List<Long> http = time(ledger, requests);
        report.figure("query." + name + ".baseline.p50", Load.percentile(plain, 0.50), "ms");
        report.figure("query." + name + ".baseline.p99", Load.percentile(plain, 0.99), "ms");
        report.figure("query." + name + ".ledger.p50", Load.percentile(http, 0.50), "ms");
        report.figure("query." + name + ".ledger.p99", Load.percentile(http, 0.99), "ms");
        report.ratio("query." + name, Load.percentile(http, 0.99) / Load.percentile(plain, 0.99));
    }

    /** Warms up with a tenth of the requests, then times each of them; sorted. */
    private static List<Long> time(Query query, int requests) throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < requests / 10; i++) {
            query.run(random.nextInt(History.NEGOTIATIONS));
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int negotiation = random.nextInt(History.NEGOTIATIONS);
            long start = System.nanoTime();
            query.run(negotiation);
            nanos.add(System.nanoTime() - start);
        }
        nanos.sort(null);
        return nanos;
    }

    private static void sql(Connection connection, String sql, String negotiationId, LocalDate asOf)
            throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, negotiationId);
            if (asOf != null) {
                statement.setDate(2, Date.valueOf(asOf));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getString(1);
                }
            }
        }
    }
}
