package org.negotiationledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Events per second rebuilding the positions view from a stored history, against a hand-written
 * JDBC pipeline doing the same work: read the events in batches, deserialize them with Jackson,
 * batch-insert rows shaped like the view's.
 */
final class ReplayScenario {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1_000;

    private ReplayScenario() {
    }

    /** The size of the history: 1,000,000 events, or 100,000 with --quick. */
    static long events(Options options) {
        return options.quick() ? 100_000 : 1_000_000;
    }

    static void run(Options options, Database database, Ledger ledger, Report report) throws Exception {
        long events = events(options);
        try (Connection connection = database.connect()) {
            History.ensure(connection, events);
        }
        LedgerApi client = ledger.client();
        Views.awaitCaughtUp(client, Duration.ofHours(6));

        long head = Views.head(client);
        // Each side runs once to warm up (the JIT, the caches), then once measured.
        baseline(database);
        double baseline = baseline(database);
        report.figure("replay.baseline.events", baseline, "events/s");

        replay(client);
        double seconds = replay(client);
        report.figure("replay.ledger.events", head / seconds, "events/s");
        report.figure("replay.ledger.seconds", seconds, "s");
        report.ratio("replay", head / seconds / baseline);
    }

    /** Replays the positions view over HTTP, as an admin would, and answers how long it took in seconds. */
    static double replay(LedgerApi client) throws Exception {
        long start = System.nanoTime();
        client.admin.replayProjection("positions", null);
        Views.awaitReplayed(client, "positions", Duration.ofHours(6));
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The same work by hand: read, deserialize, write the version rows, in batches, into a table
     * made like the view's (its columns and its indexes), through a connection that sends each
     * batch as multi-row inserts as the ledger does on PostgreSQL.
     */
    private static double baseline(Database database) throws Exception {
        try (Connection connection = database.connect("reWriteBatchedInserts=true");
             Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_replay_baseline");
            sql.execute("CREATE TABLE bench_replay_baseline (LIKE positions_version INCLUDING ALL)");
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            long read = 0;
            long after = -1;
            try (PreparedStatement select = connection.prepareStatement("SELECT globalindex, sequencenumber, "
                    + "payloadtype, payload, timestamp FROM domainevententry WHERE globalindex > ? "
                    + "ORDER BY globalindex LIMIT " + BATCH);
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_replay_baseline ("
                         + "negotiation_id, statement_id, revision, kind, party_id, topic_id, delegate_id, stance, "
                         + "summary, conditions, offer_value, offer_unit, effective_on, sources_json, note, reason, "
                         + "recorded_seq, event_seq, known_from) "
                         + "VALUES (?, ?, 1, 'RECORDED', ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, NULL, ?, ?, ?)")) {
                while (true) {
                    select.setLong(1, after);
                    int rows = 0;
                    try (ResultSet batch = select.executeQuery()) {
                        while (batch.next()) {
                            rows++;
                            after = batch.getLong(1);
                            JsonNode event = JSON.readTree(batch.getBytes(4));
                            if (batch.getString(3).endsWith(".StatementRecorded")) {
                                insert.setString(1, event.get("negotiationId").asText());
                                insert.setString(2, event.get("statementId").asText());
                                insert.setString(3, event.get("partyId").asText());
                                insert.setString(4, event.get("topicId").asText());
                                insert.setString(5, event.get("delegateId").asText(null));
                                insert.setString(6, event.get("stance").asText());
                                insert.setString(7, event.get("summary").asText());
                                insert.setString(8, event.get("conditions").asText(null));
                                insert.setDate(9, Date.valueOf(LocalDate.parse(event.get("effectiveOn").asText())));
                                insert.setString(10, sources(event));
                                insert.setString(11, event.get("note").asText(null));
                                insert.setLong(12, batch.getLong(2));
                                insert.setLong(13, batch.getLong(2));
                                insert.setObject(14, OffsetDateTime.parse(batch.getString(5)));
                                insert.addBatch();
                            }
                        }
                    }
                    if (rows == 0) {
                        break;
                    }
                    insert.executeBatch();
                    connection.commit();
                    read += rows;
                }
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The statement's sources as the view keeps them: revision 1 held at most one, as {@code source}. */
    private static String sources(JsonNode event) {
        if (event.has("sources")) {
            return event.get("sources").toString();
        }
        JsonNode source = event.path("source");
        return source.isObject() ? "[" + source + "]" : "[]";
    }
}
