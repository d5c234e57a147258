package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each negotiation's events form a hash chain. Rows edited, deleted, reordered or cut off by hand
 * in PostgreSQL are found by verify, which names the first event that no longer matches.
 */
class IntegrityTest {

    private static LedgerNode node;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_integrity_it"));
        for (String id : List.of("untouched", "edited", "deleted", "swapped", "relabelled", "truncated",
                "restarted")) {
            record(id);
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** A small negotiation: eight events, sequences 0 to 7. */
    private static void record(String id) {
        String n = "/api/negotiations/" + id;
        List<String[]> posts = new ArrayList<>(List.of(
                new String[]{"/api/negotiations", """
                        {"id":"%s","title":"Talks %s","openedOn":"2025-05-16"}""".formatted(id, id)},
                new String[]{n + "/parties", """
                        {"id":"ua","name":"Ukraine","role":"PARTY"}"""},
                new String[]{n + "/parties", """
                        {"id":"ru","name":"Russia","role":"PARTY"}"""},
                new String[]{n + "/delegates", """
                        {"id":"umerov","name":"Rustem Umerov","partyId":"ua"}"""},
                new String[]{n + "/topics", """
                        {"id":"ceasefire","title":"Ceasefire"}"""}));
        for (int i = 1; i <= 3; i++) {
            posts.add(new String[]{n + "/statements", """
                    {"id":"s-%d","partyId":"ua","delegateId":"umerov","topicId":"ceasefire","stance":"SUPPORTS",
                     "summary":"Supports a ceasefire, %d","offer":{"value":4.50,"unit":"%%"},
                     "effectiveOn":"2025-05-2%d"}"""
                    .formatted(i, i, i)});
        }
        for (String[] post : posts) {
            assertThat(node.post(post[0], post[1]).status()).as(post[0]).isEqualTo(201);
        }
    }

    private static JsonNode verify(String id) {
        LedgerNode.Response response = node.get("/api/negotiations/" + id + "/verify");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static String eventId(String negotiation, long sequence) {
        return node.jdbc().queryForObject("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND sequencenumber = ?", String.class, negotiation, sequence);
    }

    private static void sql(String statement, Object... args) {
        node.jdbc().update(statement, args);
    }

    @Test
    void anUntouchedHistoryIsIntact() {
        JsonNode verification = verify("untouched");

        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("events").asInt()).isEqualTo(8);
        assertThat(verification.get("headSequence").asInt()).isEqualTo(7);
        assertThat(verification.get("headHash").asText()).matches("[0-9a-f]{64}");
        assertThat(verification.get("firstBroken").isNull()).isTrue();

        JsonNode checkpoint = node.get("/api/negotiations/untouched/checkpoint").json();
        assertThat(checkpoint.get("sequence").asInt()).isEqualTo(7);
        assertThat(checkpoint.get("hash").asText()).isEqualTo(verification.get("headHash").asText());
        assertThat(checkpoint.get("events").asInt()).isEqualTo(8);
    }

    @Test
    void oneByteChangedInAPayloadIsNamed() {
        String eventId = eventId("edited", 3);
        sql("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Rustem', "
                + "'Rustam'), 'UTF8') WHERE aggregateidentifier = 'edited' AND sequencenumber = 3");

        JsonNode broken = verify("edited");

        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.at("/firstBroken/sequence").asInt()).isEqualTo(3);
        assertThat(broken.at("/firstBroken/eventId").asText()).isEqualTo(eventId);
        assertThat(broken.at("/firstBroken/problem").asText()).isEqualTo("CONTENT_CHANGED");
        assertThat(node.get("/api/negotiations/edited/checkpoint").status()).isEqualTo(409);
    }

    @Test
    void aChangedRecorderIsNamedToo() {
        sql("UPDATE domainevententry SET metadata = convert_to(replace(convert_from(metadata, 'UTF8'), "
                + "'\"root\"', '\"mallory\"'), 'UTF8') WHERE aggregateidentifier = 'relabelled' "
                + "AND sequencenumber = 6");

        JsonNode broken = verify("relabelled");

        assertThat(broken.at("/firstBroken/sequence").asInt()).isEqualTo(6);
        assertThat(broken.at("/firstBroken/problem").asText()).isEqualTo("CONTENT_CHANGED");
    }

    @Test
    void aDeletedEventIsNamed() {
        sql("DELETE FROM domainevententry WHERE aggregateidentifier = 'deleted' AND sequencenumber = 5");

        JsonNode broken = verify("deleted");

        assertThat(broken.at("/firstBroken/sequence").asInt()).isEqualTo(5);
        assertThat(broken.at("/firstBroken/problem").asText()).isEqualTo("EVENT_MISSING");
        assertThat(broken.at("/firstBroken/eventId").isNull()).isTrue();
    }

    @Test
    void twoSwappedEventsAreNamed() {
        String third = eventId("swapped", 3);
        sql("UPDATE domainevententry SET sequencenumber = -1 WHERE aggregateidentifier = 'swapped' "
                + "AND sequencenumber = 3");
        sql("UPDATE domainevententry SET sequencenumber = 3 WHERE aggregateidentifier = 'swapped' "
                + "AND sequencenumber = 4");
        sql("UPDATE domainevententry SET sequencenumber = 4 WHERE aggregateidentifier = 'swapped' "
                + "AND sequencenumber = -1");

        JsonNode broken = verify("swapped");

        assertThat(broken.at("/firstBroken/sequence").asInt()).isEqualTo(3);
        assertThat(broken.at("/firstBroken/problem").asText()).isEqualTo("ORDER_CHANGED");
        assertThat(broken.at("/firstBroken/detail").asText()).contains("recorded at sequence 4");
        assertThat(broken.at("/firstBroken/eventId").asText()).isNotEqualTo(third);
    }

    @Test
    void aKeptCheckpointDetectsARemovedTail() {
        JsonNode checkpoint = node.get("/api/negotiations/truncated/checkpoint").json();
        String kept = "sequence=" + checkpoint.get("sequence").asLong() + "&hash=" + checkpoint.get("hash").asText();
        assertThat(node.get("/api/negotiations/truncated/verify?" + kept).json().get("intact").asBoolean()).isTrue();

        sql("DELETE FROM domainevententry WHERE aggregateidentifier = 'truncated' AND sequencenumber >= 6");

        assertThat(verify("truncated").get("intact").asBoolean()).as("what is left is a whole chain").isTrue();
        JsonNode broken = node.get("/api/negotiations/truncated/verify?" + kept).json();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.at("/firstBroken/problem").asText()).isEqualTo("TRUNCATED");
        assertThat(broken.at("/firstBroken/sequence").asInt()).isEqualTo(6);

        JsonNode wrongHash = node.get("/api/negotiations/truncated/verify?sequence=3&hash=" + "ab".repeat(32)).json();
        assertThat(wrongHash.at("/firstBroken/problem").asText()).isEqualTo("REWRITTEN");
    }

    @Test
    void verifyAllStreamsEveryNegotiation() {
        LedgerNode.Response response = node.get("/api/verify");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        String[] lines = response.body().split("\n");
        assertThat(lines).hasSize(8);
        assertThat(lines[7]).contains("\"negotiations\":7");
        assertThat(response.body()).contains("\"negotiationId\":\"untouched\",\"intact\":true");
    }

    @Test
    void badCheckpointsAndUnknownNegotiationsAreRefused() {
        assertThat(node.get("/api/negotiations/untouched/verify?sequence=3").json().get("parameter").asText())
                .isEqualTo("hash");
        assertThat(node.get("/api/negotiations/untouched/verify?sequence=3&hash=xyz").status()).isEqualTo(400);
        assertThat(node.get("/api/negotiations/nowhere/verify").status()).isEqualTo(404);
        assertThat(node.get("/api/negotiations/nowhere/checkpoint").status()).isEqualTo(404);
    }

    @Test
    void theChainSurvivesARestart() {
        String before = verify("restarted").get("headHash").asText();
        Map<String, Object> sameDatabase = Map.of(
                "spring.datasource.url", node.context().getEnvironment().getProperty("spring.datasource.url"),
                "spring.datasource.username", TestDatabase.USER, "spring.datasource.password", TestDatabase.PASSWORD);
        try (LedgerNode restarted = LedgerNode.start(sameDatabase)) {
            JsonNode after = restarted.get("/api/negotiations/restarted/verify").json();
            assertThat(after.get("headHash").asText()).isEqualTo(before);
            assertThat(restarted.post("/api/negotiations/restarted/topics", """
                    {"id":"leaders","title":"Leaders' meeting"}""").status()).isEqualTo(201);
            assertThat(restarted.get("/api/negotiations/restarted/verify").json().get("intact").asBoolean()).isTrue();
        }
    }
}
