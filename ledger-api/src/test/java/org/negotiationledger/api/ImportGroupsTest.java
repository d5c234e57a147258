package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.negotiationledger.api.ImportTest.open;

/**
 * The importer stores its lines in groups, one transaction each, on PostgreSQL; here a group is
 * four lines, so that every file spans several. Each line is still answered as if it were alone:
 * its own version and position, a repeat recognised, a refusal that stores nothing and leaves its
 * neighbours, a stop with nothing after it. A group that cannot be stored leaves nothing, in the
 * store or in memory, and its lines are recorded one by one. Two nodes importing the same file at
 * once store every line once.
 */
class ImportGroupsTest {

    private static final String GROUP_OF_FOUR = "4";
    private static Map<String, Object> database;
    private static LedgerNode node;

    @BeforeAll
    static void start() {
        database = TestDatabase.freshSchema("ledger_import_groups_it");
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("ledger.import.group-size", GROUP_OF_FOUR);
        node = LedgerNode.start(properties);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static String statement(String negotiation, String id, String partyId) {
        return """
                {"path":"/api/negotiations/%s/statements","body":{"id":"%s","partyId":"%s","topicId":"ceasefire",\
                "stance":"SUPPORTS","summary":"said %s","effectiveOn":"2025-05-20"}}
                """.formatted(negotiation, id, partyId, id);
    }

    private static String statement(String negotiation, String id) {
        return statement(negotiation, id, "ua");
    }

    /** Where the negotiation's event at {@code version - 1} is stored: the position its answer must give. */
    private static long positionOf(String negotiation, long version) {
        return node.jdbc().queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND sequencenumber = ?", Long.class, negotiation, version - 1);
    }

    private static long events(String negotiation) {
        return node.jdbc().queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, negotiation);
    }

    private static boolean intact(String negotiation) {
        return node.get("/api/negotiations/" + negotiation + "/verify").json().get("intact").asBoolean();
    }

    private static String statusAndVersion(JsonNode line) {
        return line.get("status").asText() + " " + (line.hasNonNull("version") ? line.get("version").asText() : "-");
    }

    private static List<JsonNode> answers(List<JsonNode> lines) {
        return lines.subList(0, lines.size() - 1);
    }

    @Test
    void linesOfTwoNegotiationsInterleavedAreEachAnsweredAsIfAlone() {
        String file = open("g-a") + open("g-b") + statement("g-a", "a-1") + statement("g-b", "b-1")
                + statement("g-a", "a-1") // a repeat inside the same group as its first recording
                + statement("g-b", "b-x", "xx") // refused: no such party
                + statement("g-a", "a-2") + statement("g-b", "b-2") + statement("g-b", "b-1");

        List<JsonNode> answer = answers(node.importLines("?onError=continue", file).jsonLines());

        assertThat(answer).extracting(line -> line.get("line").asInt() + " " + statusAndVersion(line))
                .containsExactly("1 ACCEPTED 1", "2 ACCEPTED 2", "3 ACCEPTED 3", "4 ACCEPTED 1", "5 ACCEPTED 2",
                        "6 ACCEPTED 3", "7 ACCEPTED 4", "8 ACCEPTED 4", "9 REPEATED 4", "10 REFUSED -",
                        "11 ACCEPTED 5", "12 ACCEPTED 5", "13 REPEATED 5");
        for (JsonNode line : answer) {
            if (line.hasNonNull("version")) {
                assertThat(line.get("position").asLong()).as("line " + line.get("line"))
                        .isEqualTo(positionOf(line.get("negotiationId").asText(), line.get("version").asLong()));
            }
        }
        assertThat(answer.get(9).at("/problem/type").asText()).isEqualTo("/problems/rule-violation");
        assertThat(events("g-a")).isEqualTo(5);
        assertThat(events("g-b")).isEqualTo(5);
        assertThat(intact("g-a")).isTrue();
        assertThat(intact("g-b")).isTrue();
        // Each event is stamped with the time its own line arrived, in order.
        List<String> recorded = node.jdbc().queryForList("SELECT timestamp FROM domainevententry WHERE "
                + "aggregateidentifier IN ('g-a', 'g-b') ORDER BY globalindex", String.class);
        assertThat(recorded).isSorted().hasSize(10);
    }

    @Test
    void aRefusedLineInTheMiddleOfAGroupStopsTheImportWithNothingAfterIt() {
        String file = open("g-stop") + statement("g-stop", "s-1") + statement("g-stop", "s-2", "xx")
                + statement("g-stop", "s-3") + statement("g-stop", "s-4");

        List<JsonNode> lines = node.importLines("", file).jsonLines();

        assertThat(answers(lines)).extracting(line -> line.get("status").asText())
                .containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "REFUSED");
        assertThat(lines.get(lines.size() - 1).at("/summary/stoppedAt").asInt()).isEqualTo(5);
        assertThat(events("g-stop")).isEqualTo(4);
        assertThat(intact("g-stop")).isTrue();
    }

    @Test
    void aGroupTheStoreRefusesLeavesNothingAndItsLinesAreRecordedOneByOne() {
        assertThat(node.importLines("", open("g-fail")).status()).isEqualTo(200);
        // The store itself refuses one event (as a failing disk or a broken constraint would).
        node.jdbc().execute("""
                CREATE OR REPLACE FUNCTION refuse_poison() RETURNS trigger AS $$
                BEGIN
                  IF convert_from(NEW.payload, 'UTF8') LIKE '%poison%' THEN
                    RAISE EXCEPTION 'this event may not be stored';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""");
        node.jdbc().execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON domainevententry FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_poison()");
        try {
            List<JsonNode> answer = answers(node.importLines("?onError=continue", statement("g-fail", "s-1")
                    + statement("g-fail", "s-poison") + statement("g-fail", "s-3") + statement("g-fail", "s-4"))
                    .jsonLines());

            assertThat(answer).extracting(ImportGroupsTest::statusAndVersion)
                    .containsExactly("ACCEPTED 4", "REFUSED -", "ACCEPTED 5", "ACCEPTED 6");
            assertThat(answer.get(1).at("/problem/status").asInt()).isEqualTo(500);
        } finally {
            node.jdbc().execute("DROP TRIGGER refuse_poison ON domainevententry");
        }
        // Nothing of the failed group stayed in memory: the next commands go on from the store.
        assertThat(events("g-fail")).isEqualTo(6);
        List<JsonNode> next = answers(node.importLines("", statement("g-fail", "s-poison")
                + statement("g-fail", "s-6")).jsonLines());
        assertThat(next).extracting(ImportGroupsTest::statusAndVersion).containsExactly("ACCEPTED 7", "ACCEPTED 8");
        assertThat(intact("g-fail")).isTrue();
    }

    @Test
    void twoNodesImportingTheSameFileAtOnceStoreEveryLineOnce() throws Exception {
        String file = open("g-twice") + IntStream.rangeClosed(1, 120).mapToObj(i -> statement("g-twice", "s-" + i))
                .collect(Collectors.joining());
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("ledger.import.group-size", "50");
        try (LedgerNode other = LedgerNode.start(properties)) {
            CompletableFuture<List<JsonNode>> first = CompletableFuture.supplyAsync(
                    () -> answers(node.importLines("?onError=continue", file).jsonLines()));
            CompletableFuture<List<JsonNode>> second = CompletableFuture.supplyAsync(
                    () -> answers(other.importLines("?onError=continue", file).jsonLines()));
            List<JsonNode> all = new ArrayList<>(first.get());
            all.addAll(second.get());

            assertThat(all).extracting(line -> line.get("status").asText()).doesNotContain("REFUSED");
            assertThat(all.stream().filter(line -> line.get("status").asText().equals("ACCEPTED")).count())
                    .isEqualTo(123);
            assertThat(events("g-twice")).isEqualTo(123);
            assertThat(intact("g-twice")).isTrue();
        }
    }
}
