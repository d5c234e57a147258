package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store holding a snapshot of the aggregate's third revision (every part of its state in one
 * class, before the parts became members of their own): the ledger of today passes over it, as
 * its revision is not the aggregate's, rebuilds the negotiation from its events, and decides as
 * before. The rows are under {@code revision-3-snapshot/}; their statements, stored with one
 * source each, read as statements with a list of sources.
 */
class RevisionThreeSnapshotTest {

    private static final StoredRows REVISION_THREE = new StoredRows("revision-3-snapshot");
    private static final String N = "/api/negotiations/ru-ua-2025";

    @TempDir
    static Path dataDir;

    @Test
    void theOldSnapshotIsPassedOverAndTheNegotiationDecidesAsBefore() throws Exception {
        Map<String, Object> database = Map.of("ledger.data-dir", dataDir.toString());
        LedgerNode.start(database).close();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/ledger", "sa", "")) {
            REVISION_THREE.load(connection, "events.jsonl", "domainevententry");
            REVISION_THREE.load(connection, "snapshots.jsonl", "snapshotevententry");
        }

        try (LedgerNode node = LedgerNode.start(database)) {
            assertThat(node.eventCount()).isEqualTo(41);
            JsonNode report = node.importLines("?report=refused", REVISION_THREE.text("commands.jsonl")).json();
            assertThat(report.at("/summary/repeated").asInt()).as(report.toString()).isEqualTo(40);
            assertThat(node.eventCount()).isEqualTo(41);

            LedgerNode.Response conflict = node.post(N + "/topics", """
                    {"id":"ceasefire","title":"Something else"}""");
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.json().get("detail").asText())
                    .isEqualTo("topic 'ceasefire' already exists in negotiation 'ru-ua-2025' with other content");
            LedgerNode.Response beyond = node.post(N + "/exchanges/pow-1000-for-1000/executions", """
                    {"stage":9,"executedOn":"2025-06-20","released":{"ua":1}}""");
            assertThat(beyond.status()).as(beyond.body()).isEqualTo(422);
            assertThat(beyond.json().get("rule").asText()).isEqualTo("exchange-completed");
            LedgerNode.Response statement = node.post(N + "/statements", """
                    {"id":"ua-on-ceasefire-in-june","partyId":"ua","delegateId":"umerov","topicId":"ceasefire",
                     "stance":"DEMANDS","summary":"A ceasefire first","effectiveOn":"2025-06-20"}""");
            assertThat(statement.status()).as(statement.body()).isEqualTo(201);
            assertThat(statement.json().get("version").asLong()).as("its 42nd event").isEqualTo(42);
            assertThat(node.get(N + "/verify").json().get("intact").asBoolean()).isTrue();

            // A statement stored with one source (revision 3 of its event) reads as a list of one.
            node.awaitViews();
            JsonNode entry = node.get(N + "/positions/ru/leaders-meeting/history").json().at("/entries/0");
            assertThat(entry.get("sources")).hasSize(1);
            assertThat(entry.at("/sources/0/publisher").asText()).startsWith("Ukrainian online news outlet");
            assertThat(entry.get("publishers").asInt()).isEqualTo(1);
        }
    }
}
