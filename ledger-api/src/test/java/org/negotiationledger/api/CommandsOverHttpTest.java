package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A recorder's session on PostgreSQL through real HTTP: every command, its answer, what is stored. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsOverHttpTest {

    private static LedgerNode ledger;

    @BeforeAll
    static void start() {
        ledger = LedgerNode.start(TestDatabase.freshSchema("ledger_commands_it"));
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    @Order(1)
    void everyCommandIsRecordedWithItsVersionAndPosition() {
        List<Istanbul.Post> posts = new ArrayList<>(Istanbul.setUp());
        posts.addAll(Istanbul.talks());
        long lastPosition = 0;
        long version = 0;
        for (Istanbul.Post post : posts) {
            LedgerNode.Response response = ledger.as(LedgerNode.RECORDER).post(post.path(), post.body(),
                    "X-Request-Id", "req-" + version);
            assertThat(response.status()).as(post.path() + " " + response.body()).isEqualTo(201);
            JsonNode body = response.json();
            assertThat(body.get("negotiationId").asText()).isEqualTo("ru-ua-2025");
            assertThat(body.get("recorded").asBoolean()).isTrue();
            assertThat(body.get("version").asLong()).isGreaterThan(version);
            assertThat(body.get("position").asLong()).isGreaterThan(lastPosition);
            assertThat(response.header("X-Request-Id")).isEqualTo("req-" + version);
            version = body.get("version").asLong();
            lastPosition = body.get("position").asLong();
            assertThat(response.header("ETag")).isEqualTo("\"" + version + "\"");
        }
        // 19 commands; the last stage of 1000 for 1000 also appended ExchangeCompleted.
        assertThat(version).isEqualTo(20);
        assertThat(ledger.eventCount()).isEqualTo(20);
        assertThat(ledger.jdbc().queryForList("SELECT payloadtype FROM domainevententry ORDER BY globalindex",
                String.class)).contains("org.negotiationledger.core.api.ExchangeCompleted");
    }

    @Test
    @Order(2)
    void repeatingACommandChangesNothingAndAnswers200() {
        long before = ledger.eventCount();
        for (Istanbul.Post post : Istanbul.setUp()) {
            LedgerNode.Response response = ledger.post(post.path(), post.body());
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("recorded").asBoolean()).isFalse();
            assertThat(response.json().get("version").asLong()).isEqualTo(20);
        }
        Istanbul.Post stage = Istanbul.talks().get(3);
        assertThat(ledger.post(stage.path(), stage.body()).status()).isEqualTo(200);
        assertThat(ledger.eventCount()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void everyEventNamesWhoRecordedItAndTheRequest() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> rows = ledger.jdbc().queryForList(
                "SELECT sequencenumber, metadata FROM domainevententry ORDER BY globalindex");
        for (Map<String, Object> row : rows) {
            JsonNode metadata = json.readTree((byte[]) row.get("metadata"));
            assertThat(metadata.get("recordedBy").asText()).isEqualTo(LedgerNode.RECORDER);
            assertThat(metadata.get("correlationId").asText()).startsWith("req-");
        }
        // The recorder is who authenticated; a header claiming otherwise is no part of it.
        assertThat(ledger.as(LedgerNode.OTHER_RECORDER).post(Istanbul.N + "/topics",
                "{\"id\":\"air-defence\",\"title\":\"Air defence\"}", "X-Recorded-By", "anna").status())
                .isEqualTo(201);
        JsonNode last = json.readTree(ledger.jdbc().queryForObject(
                "SELECT metadata FROM domainevententry ORDER BY globalindex DESC LIMIT 1", byte[].class));
        assertThat(last.get("recordedBy").asText()).isEqualTo(LedgerNode.OTHER_RECORDER);
        assertThat(last.get("correlationId").asText()).isNotBlank();
    }

    @Test
    @Order(4)
    void eventsAreStoredAsReadableJson() {
        String payload = new String(ledger.jdbc().queryForObject(
                "SELECT payload FROM domainevententry WHERE payloadtype LIKE '%StatementRecorded' "
                        + "ORDER BY globalindex LIMIT 1", byte[].class), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("\"statementId\":\"zelensky-2025-05-27\"", "\"effectiveOn\":\"2025-05-27\"",
                "\"stance\":\"CONDITIONAL\"");
    }

    @Test
    @Order(5)
    void longNegotiationsAreSnapshottedAndStillObeyTheirRules() throws InterruptedException {
        // Snapshots are written after the command's commit, on a thread of their own.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ledger.jdbc().queryForObject("SELECT COUNT(*) FROM snapshotevententry", Long.class) == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ledger.jdbc().queryForObject("SELECT COUNT(*) FROM snapshotevententry", Long.class))
                .isPositive();
        // The rules still see everything recorded before the snapshot.
        LedgerNode.Response stage = ledger.post(Istanbul.N + "/exchanges/pow-1/executions",
                "{\"stage\":4,\"executedOn\":\"2025-05-26\",\"released\":{\"ua\":1,\"ru\":1}}");
        assertThat(stage.status()).as(stage.body()).isEqualTo(422);
        assertThat(stage.json().get("rule").asText()).isEqualTo("exchange-completed");
        LedgerNode.Response delegate = ledger.post(Istanbul.N + "/statements", """
                {"id":"s-medinsky","partyId":"ua","delegateId":"medinsky","topicId":"ceasefire","stance":"OPPOSES",
                 "summary":"s","effectiveOn":"2025-06-02"}""");
        assertThat(delegate.json().get("rule").asText()).isEqualTo("delegate-of-other-party");
    }

    @Test
    @Order(6)
    void ifMatchMakesACommandConditionalOnTheVersion() {
        long version = ledger.post("/api/negotiations", Istanbul.setUp().get(0).body()).json().get("version")
                .asLong();
        LedgerNode.Response current = ledger.post(Istanbul.N + "/topics", "{\"id\":\"legitimacy\",\"title\":\"L\"}",
                "If-Match", "\"" + version + "\"");
        assertThat(current.status()).as(current.body()).isEqualTo(201);
        assertThat(current.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");

        long before = ledger.eventCount();
        LedgerNode.Response stale = ledger.post(Istanbul.N + "/topics", "{\"id\":\"sanctions\",\"title\":\"S\"}",
                "If-Match", "\"" + version + "\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asText()).isEqualTo("/problems/version-conflict");
        assertThat(stale.json().get("actualVersion").asLong()).isEqualTo(version + 1);
        assertThat(ledger.eventCount()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void closedNegotiationAcceptsCorrectionsOnly() {
        LedgerNode.Response closure = ledger.post(Istanbul.N + "/closure",
                "{\"outcome\":\"SUSPENDED\",\"closedOn\":\"2025-06-27\",\"summary\":\"no third round yet\"}");
        assertThat(closure.status()).as(closure.body()).isEqualTo(201);

        LedgerNode.Response statement = ledger.post(Istanbul.N + "/statements", """
                {"id":"late","partyId":"ru","topicId":"ceasefire","stance":"REJECTS","summary":"s",
                 "effectiveOn":"2025-06-20"}""");
        assertThat(statement.status()).isEqualTo(422);
        assertThat(statement.json().get("rule").asText()).isEqualTo("negotiation-closed");

        LedgerNode.Response correction = ledger.post(Istanbul.N + "/statements/zelensky-2025-05-27/corrections",
                "{\"effectiveOn\":\"2025-05-28\",\"reason\":\"said after midnight Kyiv time\"}");
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
    }
}
