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
 * HTTP on a history of 1,000,000 events (100,000 with --quick; the replay scenario's when both
 * run). The baseline is what a user would build instead: the same best SQL on the views' tables
 * behind a minimal HTTP endpoint ({@link PlainHttpViews}). The same SQL over bare JDBC is reported
 * too, as information: no HTTP service can come near a local socket.
 */
final class QueryScenario {

    /** The best plain SQL for the matrix: per (party, topic) cell, one step down the view's cell index. */
    static final String MATRIX_SQL = "SELECT cell.* FROM positions_party p "
            + "JOIN positions_topic t ON t.negotiation_id = p.negotiation_id "
            + "CROSS JOIN LATERAL (SELECT party_id, topic_id, statement_id, stance, summary, effective_on "
            + "FROM positions_version v WHERE v.negotiation_id = p.negotiation_id AND v.party_id = p.party_id "
            + "AND v.topic_id = t.topic_id AND v.superseded_at IS NULL AND v.kind <> 'RETRACTED' "
            + "AND v.effective_on <= ? ORDER BY v.effective_on DESC, v.recorded_seq DESC LIMIT 1) cell "
            + "WHERE p.negotiation_id = ?";
    /** The audit page's rows with their payloads as the store holds them (the ledger also upcasts and reads them). */
    static final String AUDIT_SQL = "SELECT a.global_position, a.event_type, a.recorded_at, "
            + "convert_from(e.payload, 'UTF8') AS payload FROM audit_event a JOIN domainevententry e ON e.globalindex = a.global_position "
            + "WHERE a.negotiation_id = ? ORDER BY a.global_position LIMIT 100";
    private static final LocalDate LAST_DAY = LocalDate.parse("9999-12-31");

    private QueryScenario() {
    }

    static void run(Options options, Database database, Ledger ledger, Report report) throws Exception {
        try (Connection connection = database.connect()) {
            History.ensure(connection, ReplayScenario.events(options));
        }
        LedgerApi client = ledger.client();
        Views.awaitCaughtUp(client, Duration.ofHours(6));
        int requests = options.quick() ? 500 : 2_000;
        LocalDate asOf = LocalDate.parse("2025-03-01");

        try (Connection connection = database.connect();
             PlainHttpViews plain = new PlainHttpViews(database, LedgerApi.basic("bench", "bench"), MATRIX_SQL,
                     AUDIT_SQL)) {
            compare(report, "matrix", requests,
                    n -> client.positions.positions("n-" + n, null, null, null, null, null, null, null, null),
                    n -> plain.get("/matrix?negotiation=n-" + n),
                    n -> matrix(connection, "n-" + n, LAST_DAY));
            compare(report, "asof", requests,
                    n -> client.positions.positions("n-" + n, asOf, null, null, null, null, null, null, null),
                    n -> plain.get("/matrix?negotiation=n-" + n + "&asOf=" + asOf),
                    n -> matrix(connection, "n-" + n, asOf));
            compare(report, "audit", requests,
                    n -> client.audit.negotiationAudit("n-" + n, null, null, null, null, null, null, null, null,
                            null, null, 100, null, null, null),
                    n -> plain.get("/audit?negotiation=n-" + n),
                    n -> read(connection, AUDIT_SQL, "n-" + n));
        }
        // Not a baseline: the latency of the ledger's cheapest request, what HTTP alone costs here.
        List<Long> floor = time(n -> client.health(), requests, History.NEGOTIATIONS);
        report.figure("query.http_floor.p50", Load.percentile(floor, 0.50), "ms");
        report.figure("query.http_floor.p99", Load.percentile(floor, 0.99), "ms");
    }

    /** A question about one of the generated negotiations, by its number. */
    @FunctionalInterface
    interface Query {
        void run(int negotiation) throws Exception;
    }

    /** The ledger's p99 against the plain HTTP endpoint's; bare SQL's figures for information. */
    private static void compare(Report report, String name, int requests, Query ledger, Query baseline, Query sql)
            throws Exception {
        List<Long> bare = time(sql, requests, History.NEGOTIATIONS);
        report.figure("query." + name + ".sql.p50", Load.percentile(bare, 0.50), "ms");
        report.figure("query." + name + ".sql.p99", Load.percentile(bare, 0.99), "ms");
        compare(report, "query." + name, requests, History.NEGOTIATIONS, ledger, baseline);
    }

    /** The ledger's p50 and p99 and the plain HTTP endpoint's; their p99s' ratio. */
    static void compare(Report report, String name, int requests, int negotiations, Query ledger, Query baseline)
            throws Exception {
        List<Long> plain = time(baseline, requests, negotiations);
        List<Long> http = time(ledger, requests, negotiations);
        report.figure(name + ".baseline.p50", Load.percentile(plain, 0.50), "ms");
        report.figure(name + ".baseline.p99", Load.percentile(plain, 0.99), "ms");
        report.figure(name + ".ledger.p50", Load.percentile(http, 0.50), "ms");
        report.figure(name + ".ledger.p99", Load.percentile(http, 0.99), "ms");
        report.ratio(name, Load.percentile(http, 0.99) / Load.percentile(plain, 0.99));
    }

    /** Warms up with as many requests as it then times one by one, each on a negotiation drawn at random; sorted. */
    static List<Long> time(Query query, int requests, int negotiations) throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < requests; i++) {
            query.run(random.nextInt(negotiations));
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int negotiation = random.nextInt(negotiations);
            long start = System.nanoTime();
            query.run(negotiation);
            nanos.add(System.nanoTime() - start);
        }
        nanos.sort(null);
        return nanos;
    }

    private static void matrix(Connection connection, String negotiationId, LocalDate asOf) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(MATRIX_SQL)) {
            statement.setDate(1, Date.valueOf(asOf));
            statement.setString(2, negotiationId);
            readAll(statement);
        }
    }

    private static void read(Connection connection, String sql, String negotiationId) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, negotiationId);
            readAll(statement);
        }
    }

    private static void readAll(PreparedStatement statement) throws Exception {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rows.getString(1);
            }
        }
    }
}
