package org.negotiationledger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no database configured, the ledger keeps its records and its views in an H2 file that
 * survives a restart.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path dataDir;

    @Test
    void recordsSurviveARestart() {
        Map<String, Object> embedded = Map.of("ledger.data-dir", dataDir.toString());
        List<Istanbul.Post> posts = new ArrayList<>(Istanbul.setUp());
        posts.addAll(Istanbul.talks());
        try (LedgerNode ledger = LedgerNode.start(embedded)) {
            for (Istanbul.Post post : posts) {
                LedgerNode.Response response = ledger.post(post.path(), post.body());
                assertThat(response.status()).as(post.path() + " " + response.body()).isEqualTo(201);
            }
            assertThat(ledger.eventCount()).isEqualTo(20);
            assertThat(ledger.jdbc().queryForObject("SELECT H2VERSION()", String.class)).isNotBlank();
        }
        assertThat(Files.exists(dataDir.resolve("ledger.mv.db"))).isTrue();

        try (LedgerNode restarted = LedgerNode.start(embedded)) {
            assertThat(restarted.eventCount()).isEqualTo(20);
            for (Istanbul.Post post : posts) {
                LedgerNode.Response repeat = restarted.post(post.path(), post.body());
                assertThat(repeat.status()).as(post.path() + " " + repeat.body()).isEqualTo(200);
                assertThat(repeat.json().get("version").asLong()).isEqualTo(20);
            }
            // The rules know the parties, delegates and topics recorded before the restart.
            LedgerNode.Response statement = restarted.post(Istanbul.N + "/statements", """
                    {"id":"s-1","partyId":"ua","delegateId":"umerov","topicId":"ceasefire","stance":"SUPPORTS",
                     "summary":"Supports a long ceasefire","effectiveOn":"2025-06-27"}""");
            assertThat(statement.status()).as(statement.body()).isEqualTo(201);
            assertThat(statement.json().get("version").asLong()).isEqualTo(21);
            LedgerNode.Response refused = restarted.post(Istanbul.N + "/statements", """
                    {"id":"s-2","partyId":"ru","delegateId":"umerov","topicId":"ceasefire","stance":"SUPPORTS",
                     "summary":"s","effectiveOn":"2025-06-27"}""");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(restarted.eventCount()).isEqualTo(21);
            // The views carry on from where they stopped: each event in them once, the new one too.
            long position = statement.json().get("position").asLong();
            assertThat(restarted.get(Istanbul.N + "/audit?limit=1000&waitFor=" + position).json().get("entries"))
                    .hasSize(21);
            assertThat(restarted.get(Istanbul.N + "?waitFor=" + position).json().get("counts").get("statements")
                    .asInt()).isEqualTo(3);
        }
    }
}
