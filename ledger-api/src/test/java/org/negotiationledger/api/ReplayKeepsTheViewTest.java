package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.negotiationledger.api.lateview.LateView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay never leaves a view worse than before: while the view is rebuilt into fresh tables the
 * live one answers in full; the rebuilt tables take over at once; a rebuild that fails leaves the
 * live view as it was, still following new events; and a replay heals a view that had to set
 * events aside. On PostgreSQL and H2 (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReplayKeepsTheViewTest {

    LedgerNode node;

    abstract Map<String, Object> database();

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(database());
        properties.put("ledger.test.late-view", "true");
        properties.put("ledger.test.late-view.fail-once-at", "12");
        properties.put("spring.flyway.locations", "classpath:db/migration/common,classpath:db/late-view");
        node = LedgerNode.start(properties);
        List<Istanbul.Post> posts = new ArrayList<>(Istanbul.setUp());
        posts.addAll(Istanbul.talks());
        for (Istanbul.Post post : posts) {
            assertThat(node.post(post.path(), post.body()).status()).isIn(200, 201);
        }
        node.awaitViews();
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theLiveViewAnswersInFullWhileItIsRebuiltAndTheRebuildTakesOver() throws Exception {
        String before = node.get(Istanbul.N + "/positions").body();
        String history = node.get(Istanbul.N + "/positions/ua/ceasefire/history").body();

        assertThat(node.post("/api/admin/projections/positions/replay", "").status()).isEqualTo(202);
        boolean sawTheRebuild = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode replay = node.get("/api/admin/projections/positions").json().get("replay");
            String state = replay.get("state").asText();
            assertThat(state).isNotEqualTo("FAILED");
            LedgerNode.Response answer = node.get(Istanbul.N + "/positions");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(before);
            if (state.equals("BUILDING") || state.equals("SWITCHING")) {
                sawTheRebuild = true;
            } else if (state.equals("DONE")) {
                break;
            }
            assertThat(System.nanoTime()).as("the replay ends within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(sawTheRebuild).isTrue();
        assertThat(node.get(Istanbul.N + "/positions").body()).isEqualTo(before);
        assertThat(node.get(Istanbul.N + "/positions/ua/ceasefire/history").body()).isEqualTo(history);
        assertThat(leftoverTables()).isEmpty();

        long position = node.post(Istanbul.N + "/statements", """
                {"id":"after-replay","partyId":"ru","topicId":"ceasefire","stance":"OPPOSES",
                 "summary":"No ceasefire yet","effectiveOn":"2025-06-20"}""").json().get("position").asLong();
        JsonNode matrix = node.get(Istanbul.N + "/positions?waitFor=" + position).json();
        assertThat(matrix.get("positions")).extracting(cell -> cell.get("statementId").asText())
                .contains("after-replay");
    }

    @Test
    void aRebuildThatFailsLeavesTheLiveViewAsItWas() throws Exception {
        long before = lateViewRows();
        assertThat(node.post("/api/admin/projections/" + LateView.NAME + "/replay", "").status()).isEqualTo(202);
        JsonNode replay = awaitReplayEnd(LateView.NAME);
        assertThat(replay.get("state").asText()).isEqualTo("FAILED");
        assertThat(replay.get("error").asText()).contains("fails once");
        for (JsonNode view : node.as(LedgerNode.READER).get("/api/admin/projections").json().get("projections")) {
            if (view.get("name").asText().equals(LateView.NAME)) {
                assertThat(view.at("/replay/error").asText()).as("why, to a reader")
                        .isEqualTo("the rebuild failed; an admin sees why");
            }
        }
        assertThat(lateViewRows()).isEqualTo(before);
        assertThat(leftoverTables()).isEmpty();

        node.post(Istanbul.N + "/topics", "{\"id\":\"after-failure\",\"title\":\"After\"}");
        node.awaitViews();
        assertThat(lateViewRows()).isEqualTo(before + 1);
    }

    @Test
    void aReplayHealsAViewThatSetEventsAside() throws Exception {
        node.post("/api/negotiations", "{\"id\":\"healed\",\"title\":\"Healed\",\"openedOn\":\"2025-05-01\"}");
        node.post("/api/negotiations/healed/parties", "{\"id\":\"a\",\"name\":\"A\",\"role\":\"PARTY\"}");
        node.awaitViews();
        node.jdbc().update("INSERT INTO meetings_meeting (negotiation_id, meeting_id, held_on, level, party_ids_json, "
                + "mediator_ids_json, heads_json, topic_ids_json, ordinal, recorded_at) VALUES ('healed', 'm-1', "
                + "DATE '2025-05-02', 'TECHNICAL', '[]', '[]', '{}', '[]', 99, CURRENT_TIMESTAMP)");
        node.post("/api/negotiations/healed/meetings", """
                {"id":"m-1","heldOn":"2025-05-02","level":"DELEGATIONS","partyIds":["a"]}""");
        node.awaitViews();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (node.get("/api/admin/projections/meetings").json().get("deadLetters").asLong() == 0) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }

        assertThat(node.post("/api/admin/projections/meetings/replay", "").status()).isEqualTo(202);
        assertThat(awaitReplayEnd("meetings").get("state").asText()).isEqualTo("DONE");
        node.awaitViews();
        JsonNode healed = node.get("/api/negotiations/healed/meetings").json().get("meetings");
        assertThat(healed).hasSize(1);
        assertThat(healed.get(0).get("level").asText()).isEqualTo("DELEGATIONS");
        deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!"UP".equals(node.get("/api/admin/projections/meetings").json().get("state").asText())) {
            assertThat(System.nanoTime()).as("the view is UP again").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(node.get("/api/negotiations/healed/meetings").header("X-View-Incomplete")).isNull();
    }

    JsonNode awaitReplayEnd(String view) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode replay = node.get("/api/admin/projections/" + view).json().get("replay");
            String state = replay.get("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                return replay;
            }
            assertThat(System.nanoTime()).as("the replay of " + view + " ends").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private long lateViewRows() {
        return node.jdbc().queryForObject("SELECT COUNT(*) FROM late_view_event", Long.class);
    }

    private List<String> leftoverTables() {
        // This ledger's schema only: another schema of the same server may be rebuilding a view of its own.
        return node.jdbc().queryForList("SELECT table_name FROM information_schema.tables WHERE "
                + "table_schema = CURRENT_SCHEMA() AND (LOWER(table_name) LIKE '%\\_next' "
                + "OR LOWER(table_name) LIKE '%\\_old')", String.class);
    }
}
