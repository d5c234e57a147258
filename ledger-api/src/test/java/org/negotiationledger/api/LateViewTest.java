package org.negotiationledger.api;

import org.junit.jupiter.api.Test;
import org.negotiationledger.api.lateview.LateView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A view added after events were recorded builds itself from the whole history on its first start. */
class LateViewTest {

    @Test
    void aNewViewCatchesUpWithTheWholeHistory() {
        Map<String, Object> database = TestDatabase.freshSchema("ledger_late_view_it");
        List<Istanbul.Post> posts = new ArrayList<>(Istanbul.setUp());
        posts.addAll(Istanbul.talks());
        try (LedgerNode before = LedgerNode.start(database)) {
            for (Istanbul.Post post : posts) {
                assertThat(before.post(post.path(), post.body()).status()).isIn(200, 201);
            }
            assertThat(before.get("/api/admin/projections").json().get("projections"))
                    .extracting(v -> v.get("name").asText()).doesNotContain(LateView.NAME);
        }

        Map<String, Object> upgraded = new HashMap<>(database);
        upgraded.put("ledger.test.late-view", "true");
        upgraded.put("spring.flyway.locations", "classpath:db/migration/common,classpath:db/late-view");
        try (LedgerNode after = LedgerNode.start(upgraded)) {
            after.awaitViews();

            assertThat(handled(after)).isEqualTo(stored(after)).hasSize(posts.size() + 1); // stage 3 completes pow-1
            assertThat(after.get("/api/admin/projections/" + LateView.NAME).json().get("lag").asLong()).isZero();
        }
    }

    @Test
    void aViewWhoseHandlerFailsTriesAgainAndSkipsNothing() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshSchema("ledger_failing_view_it"));
        properties.put("ledger.test.late-view", "true");
        properties.put("ledger.test.late-view.fail-once-at", "3");
        properties.put("spring.flyway.locations", "classpath:db/migration/common,classpath:db/late-view");
        try (LedgerNode node = LedgerNode.start(properties)) {
            for (Istanbul.Post post : Istanbul.setUp()) {
                assertThat(node.post(post.path(), post.body()).status()).isEqualTo(201);
            }
            node.awaitViews();

            assertThat(handled(node)).isEqualTo(stored(node)).hasSize(9);
        }
    }

    /** The events the late view handled, in the order the store holds them. */
    private static List<String> handled(LedgerNode node) {
        return node.jdbc().queryForList("SELECT v.event_id FROM late_view_event v JOIN domainevententry e "
                + "ON e.eventidentifier = v.event_id ORDER BY e.globalindex", String.class);
    }

    private static List<String> stored(LedgerNode node) {
        return node.jdbc().queryForList("SELECT eventidentifier FROM domainevententry ORDER BY globalindex",
                String.class);
    }
}
