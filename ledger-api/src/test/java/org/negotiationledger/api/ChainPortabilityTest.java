package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hashes do not depend on the database: events exported from H2 verify on PostgreSQL. */
class ChainPortabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void eventsMovedFromH2ToPostgresKeepTheirHashes() {
        List<Istanbul.Post> posts = new ArrayList<>(Istanbul.setUp());
        posts.addAll(Istanbul.talks());
        JsonNode checkpoint;
        List<Map<String, Object>> rows;
        try (LedgerNode h2 = LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString()))) {
            for (Istanbul.Post post : posts) {
                assertThat(h2.post(post.path(), post.body()).status()).isEqualTo(201);
            }
            checkpoint = h2.get(Istanbul.N + "/checkpoint").json();
            rows = h2.jdbc().queryForList("SELECT globalindex, eventidentifier, timestamp, payloadtype, "
                    + "payloadrevision, payload, metadata, aggregateidentifier, sequencenumber, type "
                    + "FROM domainevententry ORDER BY globalindex");
        }

        try (LedgerNode postgres = LedgerNode.start(TestDatabase.freshSchema("ledger_moved_it"))) {
            for (Map<String, Object> row : rows) {
                postgres.jdbc().update("INSERT INTO domainevententry (globalindex, eventidentifier, timestamp, "
                                + "payloadtype, payloadrevision, payload, metadata, aggregateidentifier, "
                                + "sequencenumber, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("globalindex"),
                        row.get("eventidentifier"), row.get("timestamp"), row.get("payloadtype"),
                        row.get("payloadrevision"), row.get("payload"), row.get("metadata"),
                        row.get("aggregateidentifier"), row.get("sequencenumber"), row.get("type"));
            }

            JsonNode verification = postgres.get(Istanbul.N + "/verify?sequence=" + checkpoint.get("sequence").asLong()
                    + "&hash=" + checkpoint.get("hash").asText()).json();
            assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.get("headHash").asText()).isEqualTo(checkpoint.get("hash").asText());
            assertThat(verification.get("events").asInt()).isEqualTo(20);
        }
    }
}
