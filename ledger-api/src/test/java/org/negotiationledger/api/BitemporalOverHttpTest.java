package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's example over HTTP, on PostgreSQL, with the ledger's clock set by hand: a statement
 * recorded on day 3 about day 1, corrected on day 5; and statements entered out of date order.
 */
class BitemporalOverHttpTest {

    private static final String N = "/api/negotiations/talks";
    private static final TestClock CLOCK = new TestClock("2025-06-01T08:00:00Z");
    private static LedgerNode node;
    private static long last;

    @BeforeAll
    static void record() {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_bitemporal_it"), CLOCK);
        post("/api/negotiations", """
                {"id":"talks","title":"Talks","openedOn":"2025-06-01"}""");
        post(N + "/parties", """
                {"id":"ua","name":"Ukraine","role":"PARTY"}""");
        post(N + "/topics", """
                {"id":"ceasefire","title":"Ceasefire"}""");
        CLOCK.set("2025-06-03T12:00:00Z");
        post(N + "/statements", """
                {"id":"s-1","partyId":"ua","topicId":"ceasefire","stance":"CONDITIONAL","summary":"original text",
                 "effectiveOn":"2025-06-01"}""");
        CLOCK.set("2025-06-05T12:00:00Z");
        post(N + "/statements/s-1/corrections", """
                {"stance":"SUPPORTS","summary":"corrected text","reason":"misquoted"}""");
        CLOCK.set("2025-06-20T12:00:00Z");
        post(N + "/statements", """
                {"id":"june","partyId":"ua","topicId":"ceasefire","stance":"REJECTS","summary":"said in June",
                 "effectiveOn":"2025-06-15"}""");
        CLOCK.set("2025-06-21T12:00:00Z");
        post(N + "/statements", """
                {"id":"may-late","partyId":"ua","topicId":"ceasefire","stance":"DEMANDS","summary":"said earlier",
                 "effectiveOn":"2025-06-10"}""");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static void post(String path, String body) {
        LedgerNode.Response response = node.post(path, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        last = response.json().get("position").asLong();
    }

    private static String summaryAt(String asOf, String knownAt) {
        JsonNode matrix = node.get(N + "/positions?asOf=" + asOf + "&knownAt=" + knownAt + "&waitFor=" + last)
                .json();
        JsonNode positions = matrix.get("positions");
        return positions.isEmpty() ? "nothing" : positions.get(0).get("summary").asText();
    }

    @Test
    void eachRecordingDayShowsWhatTheLedgerBelievedThen() {
        assertThat(summaryAt("2025-06-02", "2025-06-02T12:00:00Z")).isEqualTo("nothing");
        assertThat(summaryAt("2025-06-02", "2025-06-03T12:00:00Z")).isEqualTo("original text");
        assertThat(summaryAt("2025-06-02", "2025-06-04T12:00:00Z")).isEqualTo("original text");
        assertThat(summaryAt("2025-06-02", "2025-06-06T12:00:00Z")).isEqualTo("corrected text");
    }

    @Test
    void theHistoryKeepsTheOriginalAndTheCorrection() {
        JsonNode entries = node.get(N + "/positions/ua/ceasefire/history?waitFor=" + last).json().get("entries");

        assertThat(entries).extracting(e -> e.get("statementId").asText() + "#" + e.get("revision").asInt() + " "
                        + e.get("summary").asText() + " recorded " + e.get("recordedAt").asText()
                        + (e.get("superseded").asBoolean() ? " superseded " + e.get("supersededAt").asText() : ""))
                .containsExactly(
                        "s-1#1 original text recorded 2025-06-03T12:00:00Z superseded 2025-06-05T12:00:00Z",
                        "s-1#2 corrected text recorded 2025-06-05T12:00:00Z",
                        "may-late#1 said earlier recorded 2025-06-21T12:00:00Z",
                        "june#1 said in June recorded 2025-06-20T12:00:00Z");

        JsonNode onDay4 = node.get(N + "/positions/ua/ceasefire/history?knownAt=2025-06-04T12:00:00Z").json();
        assertThat(onDay4.get("entries")).singleElement()
                .satisfies(e -> assertThat(e.get("superseded").asBoolean()).isFalse());
    }

    @Test
    void aStatementAboutAnEarlierDayRecordedLaterLeavesTheLatestPositionAlone() {
        assertThat(summaryAt("2025-06-30", "2025-06-30T00:00:00Z")).isEqualTo("said in June");
        assertThat(summaryAt("2025-06-12", "2025-06-30T00:00:00Z")).isEqualTo("said earlier");
        assertThat(summaryAt("2025-06-12", "2025-06-20T18:00:00Z")).isEqualTo("corrected text");
    }

    @Test
    void theAuditTrailCarriesTheRecordingTimes() {
        JsonNode entries = node.get(N + "/audit?type=StatementCorrected&waitFor=" + last).json().get("entries");

        assertThat(entries).singleElement()
                .satisfies(e -> assertThat(e.get("recordedAt").asText()).isEqualTo("2025-06-05T12:00:00Z"));
    }
}
