package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk import of JSON Lines over HTTP on PostgreSQL: per-line answers, stop or continue, streaming. */
class ImportTest {

    private static LedgerNode node;
    private static LedgerNode recorder;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_import_it"));
        recorder = node.as(LedgerNode.RECORDER);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** A negotiation opened with a party (ua) and a topic (ceasefire), as import lines. */
    static String open(String id) {
        return """
                {"path":"/api/negotiations","body":{"id":"%s","title":"Talks","openedOn":"2025-05-16"}}
                {"path":"/api/negotiations/%s/parties","body":{"id":"ua","name":"Ukraine","role":"PARTY"}}
                {"path":"/api/negotiations/%s/topics","body":{"id":"ceasefire","title":"Ceasefire"}}
                """.formatted(id, id, id);
    }

    private static String statement(String negotiation, String id) {
        return """
                {"path":"/api/negotiations/%s/statements","body":{"id":"%s","partyId":"ua","topicId":"ceasefire",\
                "stance":"SUPPORTS","summary":"said %s","effectiveOn":"2025-05-20"}}
                """.formatted(negotiation, id, id);
    }

    private static long statements(String negotiation) {
        return node.jdbc().queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%StatementRecorded'", Long.class, negotiation);
    }

    private static JsonNode last(List<JsonNode> lines) {
        return lines.get(lines.size() - 1).get("summary");
    }

    @Test
    void eachLineIsAnsweredAndTheSummaryCountsThem() {
        List<JsonNode> answer = recorder.importLines("", open("each") + "\n" + statement("each", "s-1"))
                .jsonLines();

        assertThat(answer).hasSize(5);
        assertThat(answer.subList(0, 4)).extracting(line -> line.get("line").asInt() + " "
                + line.get("status").asText()).containsExactly("1 ACCEPTED", "2 ACCEPTED", "3 ACCEPTED", "5 ACCEPTED");
        assertThat(answer.get(3).get("position").asLong()).isPositive();
        assertThat(answer.get(3).get("version").asInt()).isEqualTo(4);
        assertThat(last(answer).toString())
                .isEqualTo("{\"lines\":4,\"accepted\":4,\"repeated\":0,\"refused\":0,\"stoppedAt\":null}");
    }

    @Test
    void aBadLineStopsTheImportByDefault() {
        String file = open("stopping") + statement("stopping", "s-1") + "{\"path\":\"/api/negotiations/stopping/"
                + "statements\",\"body\":{\"id\":\"s-2\",\"partyId\":\"xx\",\"topicId\":\"ceasefire\",\"stance\":"
                + "\"SUPPORTS\",\"summary\":\"s\",\"effectiveOn\":\"2025-05-20\"}}\n" + statement("stopping", "s-3");

        List<JsonNode> answer = recorder.importLines("", file).jsonLines();

        JsonNode refused = answer.get(answer.size() - 2);
        assertThat(refused.get("line").asInt()).isEqualTo(5);
        assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.at("/problem/type").asText()).isEqualTo("/problems/rule-violation");
        assertThat(refused.at("/problem/detail").asText()).contains("xx");
        assertThat(last(answer).get("stoppedAt").asInt()).isEqualTo(5);
        assertThat(statements("stopping")).isEqualTo(1);
    }

    @Test
    void inContinueModeEveryOtherLineIsStored() {
        String file = open("going-on") + statement("going-on", "s-1")
                + "{\"path\":\"/api/negotiations/going-on/statements\",\"body\":{\"id\":\"s-2\"}}\n"
                + "not json at all\n"
                + "{\"path\":\"/api/nowhere\",\"body\":{}}\n"
                + "{\"path\":\"/api/negotiations/going-on/statements\",\"body\":{\"id\":\"s-x\",\"speaker\":\"?\"}}\n"
                + statement("going-on", "s-3") + "\r\n" + statement("going-on", "s-4");

        List<JsonNode> answer = recorder.importLines("?onError=continue", file).jsonLines();

        assertThat(answer.stream().filter(line -> line.has("problem")).map(line -> line.get("line").asInt() + " "
                + line.at("/problem/type").asText()).toList()).containsExactly(
                "5 /problems/invalid-fields", "6 /problems/malformed-request", "7 /problems/unknown-command",
                "8 /problems/malformed-request");
        assertThat(last(answer).get("refused").asInt()).isEqualTo(4);
        assertThat(last(answer).get("accepted").asInt()).isEqualTo(6);
        assertThat(last(answer).get("stoppedAt").isNull()).isTrue();
        assertThat(statements("going-on")).isEqualTo(3);
    }

    @Test
    void reportingOnlyRefusedLinesKeepsTheAnswerShort() {
        List<JsonNode> answer = recorder.importLines("?onError=continue&report=refused",
                open("quiet") + "{\"path\":\"/api/nowhere\",\"body\":{}}\n" + statement("quiet", "s-1")).jsonLines();

        assertThat(answer).hasSize(2);
        assertThat(answer.get(0).get("line").asInt()).isEqualTo(4);
        assertThat(last(answer).get("accepted").asInt()).isEqualTo(4);
    }

    @Test
    void aLineOverTheLimitIsRefusedAndTheRestGoesOn() {
        String huge = "{\"path\":\"/api/negotiations/long/topics\",\"body\":{\"id\":\"t\",\"title\":\""
                + "x".repeat(1_100_000) + "\"}}\n";

        List<JsonNode> answer = recorder.importLines("?onError=continue", open("long") + huge
                + statement("long", "s-1")).jsonLines();

        assertThat(answer.get(3).get("status").asText()).isEqualTo("REFUSED");
        assertThat(answer.get(3).at("/problem/type").asText()).isEqualTo("/problems/body-too-large");
        assertThat(answer.get(4).get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void aLongFileIsStreamedLineByLine() {
        int count = 400;
        String statements = IntStream.rangeClosed(1, count).mapToObj(i -> statement("streamed", "s-" + i))
                .collect(Collectors.joining());
        byte[] file = (open("streamed") + statements).getBytes();

        JsonNode summary = last(recorder.importLines("?report=refused",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(file))).jsonLines());

        assertThat(summary.get("accepted").asInt()).isEqualTo(count + 3);
        assertThat(statements("streamed")).isEqualTo(count);
    }

    @Test
    void theImporterIsTheRecorderAndEachLineItsOwnRequest() {
        LedgerNode.Response response = node.as(LedgerNode.OTHER_RECORDER).importLines("", open("who"));
        String requestId = response.header("X-Request-Id");

        List<JsonNode> entries = node.auditEntries("/api/negotiations/who/audit?waitFor="
                + response.jsonLines().get(2).get("position").asLong());
        assertThat(entries).extracting(e -> e.get("recordedBy").asText()).containsOnly(LedgerNode.OTHER_RECORDER);
        assertThat(entries).extracting(e -> e.get("correlationId").asText())
                .containsExactly(requestId + "#1", requestId + "#2", requestId + "#3");
    }

    @Test
    void onlyRecordersImportAndOnlyJsonLines() {
        assertThat(node.as(LedgerNode.READER).importLines("", open("nope")).status()).isEqualTo(403);
        assertThat(node.as(null, null).importLines("", open("nope")).status()).isEqualTo(401);
        assertThat(recorder.importLines("?onError=sometimes", open("nope")).status()).isEqualTo(400);
        assertThat(recorder.post("/api/import", "{}").status()).isEqualTo(415);
        assertThat(node.jdbc().queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = "
                + "'nope'", Long.class)).isZero();
    }
}
