package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild shares each batch out by negotiation among several threads: the views it makes are
 * the views one thread makes, and the views the live processors built, for every negotiation
 * and for the questions across negotiations.
 */
class ParallelReplayTest {

    private static final String[] VIEWS = {"audit", "exchanges", "meetings", "overview", "positions"};
    private static final int NEGOTIATIONS = 9;

    @Test
    void aRebuildOnSeveralThreadsEqualsOneOnOneThread() throws InterruptedException {
        Map<String, Object> database = TestDatabase.freshSchema("ledger_parallel_replay_it");
        Map<String, String> live;
        Map<String, String> oneThread;
        try (LedgerNode node = start(database, 1)) {
            assertThat(node.importLines("?report=refused", IstanbulExampleTest.example()).status()).isEqualTo(200);
            assertThat(node.importLines("?report=refused", negotiations()).jsonLines().get(0).at("/summary/refused")
                    .asInt()).isZero();
            live = dump(node);
            replayAll(node, 1);
            oneThread = dump(node);
        }
        try (LedgerNode node = start(database, 4)) {
            replayAll(node, 2);
            assertThat(dump(node)).isEqualTo(oneThread).isEqualTo(live);
        }
    }

    private static LedgerNode start(Map<String, Object> database, int threads) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("ledger.views.replay-threads", String.valueOf(threads));
        return LedgerNode.start(properties);
    }

    /** Negotiations whose events interleave in the store: statements, corrections, retractions, meetings. */
    private static String negotiations() {
        StringBuilder lines = new StringBuilder();
        for (int n = 0; n < NEGOTIATIONS; n++) {
            String path = "/api/negotiations/p-" + n;
            lines.append("{\"path\":\"/api/negotiations\",\"body\":{\"id\":\"p-").append(n)
                    .append("\",\"title\":\"Parallel ").append(n).append("\",\"openedOn\":\"2025-01-01\"}}\n");
            for (String party : List.of("a", "b")) {
                lines.append("{\"path\":\"").append(path).append("/parties\",\"body\":{\"id\":\"").append(party)
                        .append("\",\"name\":\"").append(party.toUpperCase()).append("\",\"role\":\"PARTY\"}}\n");
            }
            lines.append("{\"path\":\"").append(path).append("/topics\",\"body\":{\"id\":\"t\",\"title\":\"T\"}}\n");
        }
        for (int i = 0; i < 20; i++) {
            for (int n = 0; n < NEGOTIATIONS; n++) {
                String path = "/api/negotiations/p-" + n;
                String party = i % 2 == 0 ? "a" : "b";
                lines.append("{\"path\":\"").append(path).append("/statements\",\"body\":{\"id\":\"s-").append(i)
                        .append("\",\"partyId\":\"").append(party).append("\",\"topicId\":\"t\",\"stance\":\"")
                        .append(i % 3 == 0 ? "OPPOSES" : "SUPPORTS").append("\",\"summary\":\"said ").append(i)
                        .append("\",\"effectiveOn\":\"2025-02-").append(String.format("%02d", i + 1)).append("\"}}\n");
                if (i % 5 == 4) {
                    lines.append("{\"path\":\"").append(path).append("/statements/s-").append(i)
                            .append("/corrections\",\"body\":{\"stance\":\"CONDITIONAL\",\"reason\":\"misread\"}}\n");
                }
                if (i % 7 == 6) {
                    lines.append("{\"path\":\"").append(path).append("/statements/s-").append(i)
                            .append("/retraction\",\"body\":{\"reason\":\"withdrawn\"}}\n");
                }
                if (i % 10 == 9) {
                    lines.append("{\"path\":\"").append(path).append("/meetings\",\"body\":{\"id\":\"m-").append(i)
                            .append("\",\"heldOn\":\"2025-02-").append(String.format("%02d", i + 1))
                            .append("\",\"level\":\"DELEGATIONS\",\"partyIds\":[\"a\",\"b\"]}}\n");
                }
            }
        }
        return lines.toString();
    }

    /** Every view's answers, for every negotiation and across them, as their JSON text. */
    private static Map<String, String> dump(LedgerNode node) {
        node.awaitViews();
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> negotiations = new ArrayList<>(List.of(Istanbul.N));
        for (int n = 0; n < NEGOTIATIONS; n++) {
            negotiations.add("/api/negotiations/p-" + n);
        }
        List<String> paths = new ArrayList<>(List.of("/api/negotiations", "/api/audit?limit=1000"));
        for (String negotiation : negotiations) {
            paths.addAll(List.of(negotiation, negotiation + "/positions", negotiation + "/positions?asOf=2025-02-10",
                    negotiation + "/changes?from=2025-01-01", negotiation + "/meetings", negotiation + "/exchanges",
                    negotiation + "/outcomes", negotiation + "/audit?limit=1000"));
        }
        for (String path : paths) {
            LedgerNode.Response response = node.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            answers.put(path, response.body());
        }
        return answers;
    }

    private static void replayAll(LedgerNode node, int generation) throws InterruptedException {
        for (String view : VIEWS) {
            assertThat(node.post("/api/admin/projections/" + view + "/replay", "").status()).isEqualTo(202);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (JsonNode view : node.get("/api/admin/projections").json().get("projections")) {
                JsonNode replay = view.get("replay");
                done &= !replay.isNull() && "DONE".equals(replay.get("state").asText())
                        && replay.get("generation").asInt() == generation && !view.get("replaying").asBoolean()
                        && view.get("lag").asLong() == 0;
            }
            if (done) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the replays did not finish: " + node.get("/api/admin/projections").body());
    }
}
