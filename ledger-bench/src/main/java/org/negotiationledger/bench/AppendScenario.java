package org.negotiationledger.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Accepted commands per second over HTTP, 16 clients on distinct negotiations, against plain
 * JDBC single-row INSERT transactions into a table shaped like the event store, 16 connections.
 */
final class AppendScenario {

    static final int CLIENTS = 16;

    private AppendScenario() {
    }

    static void run(Options options, Database database, Ledger ledger, Report report) throws Exception {
        // A fresh JVM on two cores compiles for a long while; the ledger is measured warm, as it runs.
        Duration warmUp = Duration.ofSeconds(options.quick() ? 10 : 30);
        Duration measure = Duration.ofSeconds(options.quick() ? 8 : 30);

        Load.Result baseline = baseline(database, warmUp, measure);
        report.figure("append.baseline.inserts", baseline.perSecond(), "tx/s");
        report.figure("append.baseline.p99", baseline.p99Millis(), "ms");

        LedgerApi client = ledger.client();
        for (int n = 0; n < CLIENTS; n++) {
            client.openNegotiation(negotiation(n));
        }
        Load.Result result = Load.run(CLIENTS, warmUp, measure, (worker, i) -> client.record(negotiation(worker),
                LedgerApi.statement("s-" + worker + "-" + i, (int) i)));
        report.figure("append.ledger.commands", result.perSecond(), "commands/s");
        report.figure("append.ledger.p50", result.p50Millis(), "ms");
        report.figure("append.ledger.p99", result.p99Millis(), "ms");
        report.figure("append.ledger.refused", result.failed(), "commands");

        // Not a baseline: what the same clients get from the ledger's cheapest endpoint, the ceiling
        // of HTTP alone on this machine.
        Load.Result floor = Load.run(CLIENTS, Duration.ofSeconds(2), measure, (worker, i) -> client.health());
        report.figure("append.http_floor.requests", floor.perSecond(), "requests/s");
        report.ratio("append", result.perSecond() / baseline.perSecond());
    }

    private static String negotiation(int client) {
        return "append-" + LedgerApi.RUN + "-" + client;
    }

    /** What the database itself does: one row per transaction, as many connections as clients. */
    private static Load.Result baseline(Database database, Duration warmUp, Duration measure) throws Exception {
        try (Connection setup = database.connect(); Statement sql = setup.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_append_baseline");
            sql.execute("CREATE TABLE bench_append_baseline (globalindex BIGSERIAL PRIMARY KEY, "
                    + "aggregateidentifier VARCHAR(255) NOT NULL, sequencenumber BIGINT NOT NULL, "
                    + "type VARCHAR(255), eventidentifier VARCHAR(255) NOT NULL UNIQUE, metadata BYTEA, "
                    + "payload BYTEA NOT NULL, payloadrevision VARCHAR(255), payloadtype VARCHAR(255) NOT NULL, "
                    + "timestamp VARCHAR(255) NOT NULL, UNIQUE (aggregateidentifier, sequencenumber))");
        }
        Connection[] connections = new Connection[CLIENTS];
        PreparedStatement[] inserts = new PreparedStatement[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            connections[i] = database.connect();
            inserts[i] = connections[i].prepareStatement("INSERT INTO bench_append_baseline (aggregateidentifier, "
                    + "sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, "
                    + "timestamp) VALUES (?, ?, 'Negotiation', ?, ?, ?, '1', "
                    + "'org.negotiationledger.core.api.StatementRecorded', ?)");
        }
        byte[] metadata = "{\"recordedBy\":\"admin\",\"correlationId\":\"bench\"}".getBytes(StandardCharsets.UTF_8);
        try {
            return Load.run(CLIENTS, warmUp, measure, (worker, i) -> {
                PreparedStatement insert = inserts[worker];
                insert.setString(1, "baseline-" + worker);
                insert.setLong(2, i);
                insert.setString(3, UUID.randomUUID().toString());
                insert.setBytes(4, metadata);
                insert.setBytes(5, LedgerApi.json(LedgerApi.statement("s-" + worker + "-" + i, (int) i))
                        .getBytes(StandardCharsets.UTF_8));
                insert.setString(6, Instant.now().toString());
                return insert.executeUpdate() == 1;
            });
        } finally {
            for (Connection connection : connections) {
                close(connection);
            }
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the run is over
        }
    }
}
