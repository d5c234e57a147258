package org.negotiationledger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger whose views stand at the head, in a JVM of its own with a small heap, while a burst of
 * events far larger than that heap could hold is stored at once (as another node or a bulk load
 * would store it): the views work through the burst and reach its end. Reading ahead of the
 * views into memory, as Axon's shared event cache did, filled the heap instead.
 */
class BurstOfEventsTest {

    private static final String SCHEMA = "ledger_burst_it";
    private static final int BURST = 300_000;
    private static final int COMMIT_EVERY = 5_000;

    @TempDir
    Path logs;

    @Test
    void viewsWorkThroughABurstLargerThanTheHeapWouldHold() throws Exception {
        Map<String, Object> properties = TestDatabase.freshSchema(SCHEMA);
        try (LedgerProcess ledger = LedgerProcess.start(properties, LedgerProcess.freePort(),
                logs.resolve("ledger.log"), "192m")) {
            LedgerNode node = ledger.node();
            for (Istanbul.Post post : Istanbul.setUp()) {
                assertThat(node.post(post.path(), post.body()).status()).isEqualTo(201);
            }
            assertThat(node.post(Istanbul.N + "/statements", """
                    {"id":"burst-0","partyId":"ru","delegateId":"medinsky","topicId":"prisoner-exchange",
                     "stance":"PROPOSES","summary":"An exchange of all for all","effectiveOn":"2025-06-02"}""")
                    .status()).isEqualTo(201);
            node.awaitViews();

            JdbcTemplate jdbc = TestDatabase.jdbc(properties);
            storeBurst(jdbc);
            // As autovacuum would soon after such a burst (it is off on the test machines' server):
            // until then PostgreSQL plans the views' lookups for a table of ten rows.
            jdbc.execute("ANALYZE domainevententry");

            node.awaitViews(Duration.ofMinutes(3));
            int events = node.get(Istanbul.N).json().at("/counts/events").asInt();
            assertThat(events).isEqualTo(Istanbul.setUp().size() + 1 + BURST);
            // The cell shows the burst's last statement: the same day as every other, recorded last.
            assertThat(node.get(Istanbul.N + "/positions").body()).contains("\"burst-" + BURST + "\"");
        }
    }

    /**
     * Stores {@link #BURST} more statements of the negotiation, copies of its one statement under new
     * ids and sequence numbers, a few thousand to a transaction, as fast as the database takes them.
     */
    private static void storeBurst(JdbcTemplate jdbc) throws Exception {
        Map<String, Object> first = jdbc.queryForMap("SELECT sequencenumber, type, payloadtype, payloadrevision, "
                + "timestamp, metadata, payload FROM domainevententry WHERE payloadtype LIKE '%StatementRecorded'");
        String payload = new String((byte[]) first.get("payload"), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"statementId\":\"burst-0\"");
        long sequence = jdbc.queryForObject("SELECT MAX(sequencenumber) FROM domainevententry", Long.class);
        try (Connection connection = jdbc.getDataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry ("
                     + "aggregateidentifier, sequencenumber, type, eventidentifier, payloadtype, payloadrevision, "
                     + "timestamp, metadata, payload) VALUES ('ru-ua-2025', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 1; i <= BURST; i++) {
                insert.setLong(1, sequence + i);
                insert.setString(2, (String) first.get("type"));
                insert.setString(3, UUID.randomUUID().toString());
                insert.setString(4, (String) first.get("payloadtype"));
                insert.setString(5, (String) first.get("payloadrevision"));
                insert.setString(6, (String) first.get("timestamp"));
                insert.setBytes(7, (byte[]) first.get("metadata"));
                insert.setBytes(8, payload.replace("\"burst-0\"", "\"burst-" + i + "\"")
                        .getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
                if (i % COMMIT_EVERY == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}
