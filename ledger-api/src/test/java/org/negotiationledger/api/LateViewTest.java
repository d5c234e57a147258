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

            List<Long> positions = after.jdbc().queryForList(
                    "SELECT global_position FROM late_view_event ORDER BY global_position", Long.class);
            List<Long> stored = after.jdbc().queryForList(
                    "SELECT globalindex FROM domainevententry ORDER BY globalindex", Long.class);
            assertThat(positions).isEqualTo(stored).hasSize(posts.size() + 1); // the third stage also completes pow-1
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

            List<Long> positions = node.jdbc().queryForList(
                    "SELECT global_position FROM late_view_event ORDER BY global_position", Long.class);
            assertThat(positions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
    }
}
