package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL: every view replayed from the start of the history answers
 * exactly as before, on both nodes, and goes on following new events afterwards.
 */
class ReplayTest {

    private static final String[] VIEWS = {"audit", "exchanges", "meetings", "overview", "positions"};
    private static LedgerNode first;
    private static LedgerNode second;

    @BeforeAll
    static void start() {
        Map<String, Object> database = TestDatabase.freshSchema("ledger_replay_it");
        first = LedgerNode.start(database);
        second = LedgerNode.start(database);
        List<Istanbul.Post> posts = new ArrayList<>(Istanbul.setUp());
        posts.addAll(Istanbul.talks());
        for (int i = 0; i < posts.size(); i++) {
            LedgerNode node = i % 2 == 0 ? first : second;
            assertThat(node.post(posts.get(i).path(), posts.get(i).body()).status()).isIn(200, 201);
        }
    }

    @AfterAll
    static void stop() {
        for (LedgerNode node : new LedgerNode[]{first, second}) {
            if (node != null) {
                node.close();
            }
        }
    }

    /** Every view's answers, as their JSON text. */
    private static Map<String, String> dump(LedgerNode node) {
        node.awaitViews();
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/api/negotiations", Istanbul.N, Istanbul.N + "/positions",
                Istanbul.N + "/positions?asOf=2025-05-30", Istanbul.N + "/positions/ua/ceasefire/history",
                Istanbul.N + "/positions/ua/prisoner-exchange/history", Istanbul.N + "/changes?from=2025-05-01",
                Istanbul.N + "/exchanges", Istanbul.N + "/exchanges/pow-1", Istanbul.N + "/meetings",
                Istanbul.N + "/audit?limit=1000", "/api/audit?limit=1000")) {
            LedgerNode.Response response = node.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            answers.put(path, response.body());
        }
        return answers;
    }

    @Test
    void everyViewReplayedAnswersExactlyAsBeforeOnBothNodes() throws InterruptedException {
        Map<String, String> before = dump(first);
        assertThat(dump(second)).isEqualTo(before);
        String chainBefore = first.get(Istanbul.N + "/verify").json().get("headHash").asText();

        for (String view : VIEWS) {
            LedgerNode.Response accepted = first.post("/api/admin/projections/" + view + "/replay", "");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.header("Location")).isEqualTo("/api/admin/projections/" + view);
        }
        awaitReplaysDone();

        JsonNode listing = second.get("/api/admin/projections").json();
        for (JsonNode view : listing.get("projections")) {
            assertThat(view.get("replay").get("state").asText()).as(view.toString()).isEqualTo("DONE");
            assertThat(view.get("replay").get("generation").asInt()).isEqualTo(1);
            assertThat(view.get("replay").get("resetAt").isNull()).isFalse();
        }
        assertThat(dump(first)).isEqualTo(before);
        assertThat(dump(second)).isEqualTo(before);
        assertThat(second.get(Istanbul.N + "/verify").json().get("headHash").asText()).isEqualTo(chainBefore);

        LedgerNode.Response later = second.post(Istanbul.N + "/topics", """
                {"id":"leaders-meeting","title":"Leaders' meeting"}""");
        JsonNode overview = second.get(Istanbul.N + "?waitFor=" + later.json().get("position").asLong()).json();
        assertThat(overview.get("topics")).extracting(t -> t.get("id").asText()).contains("leaders-meeting");
        assertThat(first.get(Istanbul.N + "/positions?waitFor=" + later.json().get("position").asLong()).json()
                .get("topics")).hasSize(3);
    }

    @Test
    void anUnknownViewCannotBeReplayed() {
        LedgerNode.Response unknown = first.post("/api/admin/projections/nothing/replay", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("/problems/not-found");
    }

    private static void awaitReplaysDone() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode listing = first.get("/api/admin/projections").json();
            boolean done = true;
            for (JsonNode view : listing.get("projections")) {
                JsonNode replay = view.get("replay");
                done &= !replay.isNull() && "DONE".equals(replay.get("state").asText())
                        && !view.get("replaying").asBoolean() && view.get("lag").asLong() == 0;
            }
            if (done) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the replays did not finish: " + first.get("/api/admin/projections").body());
    }
}
