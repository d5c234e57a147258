package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger, in a JVM of its own on PostgreSQL, is killed with SIGKILL while clients send
 * commands, and started again. Every command a client saw accepted is stored exactly once; those
 * whose answer never came are resent with the same id and stored once too; the hash chain is
 * intact; every view reaches the head with nothing set aside and the audit lists every event
 * once. Reduced: one kill under 4 clients; full: three kills under 8 clients.
 */
@Tag("reliability")
class KillNineTest {

    private static final String SCHEMA = "ledger_kill_nine_it";

    @TempDir
    Path logs;

    @Test
    void nothingAcceptedIsLostAndNothingIsStoredTwice() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshSchema(SCHEMA));
        int port = LedgerProcess.freePort();
        int kills = Reliability.scaled(1, 3);
        int clientCount = Reliability.scaled(4, 8);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> unknown = ConcurrentHashMap.newKeySet();

        LedgerProcess ledger = LedgerProcess.start(properties, port, logs.resolve("ledger.log"));
        try {
            for (Istanbul.Post post : Istanbul.setUp()) {
                assertThat(ledger.node().post(post.path(), post.body()).status()).isEqualTo(201);
            }
            for (int kill = 0; kill < kills; kill++) {
                LedgerNode node = ledger.node();
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService clients = Executors.newFixedThreadPool(clientCount);
                List<Future<?>> sending = new ArrayList<>();
                for (int c = 0; c < clientCount; c++) {
                    String prefix = "k" + kill + "-c" + c + "-";
                    sending.add(clients.submit(() -> send(node, prefix, running, acknowledged, unknown)));
                }
                Thread.sleep(Reliability.scaled(3000, 8000));
                ledger.kill();
                running.set(false);
                for (Future<?> client : sending) {
                    client.get();
                }
                clients.shutdown();

                ledger = LedgerProcess.start(properties, port, logs.resolve("ledger.log"));
                for (String id : Set.copyOf(unknown)) {
                    LedgerNode.Response answer = ledger.node().post(Istanbul.N + "/statements", statement(id));
                    assertThat(answer.status()).as(id + " " + answer).isIn(200, 201);
                    acknowledged.add(id);
                    unknown.remove(id);
                }
            }

            assertThat(acknowledged).hasSizeGreaterThan(kills * clientCount);
            Map<String, Integer> stored = storedStatements();
            assertThat(stored.keySet()).isEqualTo(acknowledged);
            assertThat(stored.values()).allMatch(times -> times == 1);
            assertThat(contiguousSequences()).isTrue();

            LedgerNode node = ledger.node();
            JsonNode verification = node.get(Istanbul.N + "/verify").json();
            assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
            node.awaitViews();
            JsonNode listing = node.get("/api/admin/projections").json();
            for (JsonNode view : listing.get("projections")) {
                assertThat(view.get("state").asText()).as(view.get("name").asText()).isEqualTo("UP");
            }
            int events = node.get(Istanbul.N).json().at("/counts/events").asInt();
            assertThat(events).isEqualTo(Istanbul.setUp().size() + acknowledged.size());
            assertThat(node.get(Istanbul.N + "/audit?limit=1000").json().get("entries").size())
                    .isEqualTo(Math.min(1000, events));
        } finally {
            ledger.close();
        }
    }

    private static void send(LedgerNode node, String prefix, AtomicBoolean running, Set<String> acknowledged,
                             Set<String> unknown) {
        for (int i = 0; running.get(); i++) {
            String id = prefix + i;
            try {
                LedgerNode.Response answer = node.post(Istanbul.N + "/statements", statement(id));
                if (answer.status() == 201 || answer.status() == 200) {
                    acknowledged.add(id);
                } else {
                    unknown.add(id);
                }
            } catch (UncheckedIOException connectionLost) {
                unknown.add(id);
                return;
            }
        }
    }

    private static String statement(String id) {
        return """
                {"id":"%s","partyId":"ru","delegateId":"medinsky","topicId":"prisoner-exchange",
                 "stance":"PROPOSES","summary":"An exchange of all for all","effectiveOn":"2025-06-02"}"""
                .formatted(id);
    }

    /** How often each statement id is stored. */
    private static Map<String, Integer> storedStatements() throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT convert_from(payload, 'UTF8') "
                     + "FROM domainevententry WHERE payloadtype LIKE '%StatementRecorded'");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String payload = rows.getString(1);
                int at = payload.indexOf("\"statementId\":\"") + "\"statementId\":\"".length();
                stored.merge(payload.substring(at, payload.indexOf('"', at)), 1, Integer::sum);
            }
        }
        return stored;
    }

    /** Whether the negotiation's sequence numbers run from 0 without a hole or a repeat. */
    private static boolean contiguousSequences() throws Exception {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT sequencenumber FROM domainevententry "
                     + "WHERE aggregateidentifier = 'ru-ua-2025' ORDER BY sequencenumber");
             ResultSet rows = query.executeQuery()) {
            Set<Long> seen = new HashSet<>();
            long expected = 0;
            while (rows.next()) {
                if (rows.getLong(1) != expected++ || !seen.add(rows.getLong(1))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(TestDatabase.URL + "?currentSchema=" + SCHEMA, TestDatabase.USER,
                TestDatabase.PASSWORD);
    }
}
