package org.negotiationledger.api;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.serialization.LedgerSerialization;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger whose views each had a processor of their own, as the release before this one left it,
 * upgraded in place: on its first start the views share one processor, each view takes up exactly
 * where its own processor had stopped (one had fallen three events behind), nothing is handled
 * twice or missed, and every view answers byte for byte as before.
 */
class SharedProcessorUpgradeTest {

    private static final String N = Istanbul.N;
    private static final List<String> VIEWS = List.of("audit", "exchanges", "meetings", "overview", "positions");
    private static final List<String> ANSWERS = List.of("/api/negotiations", N, N + "/positions",
            N + "/changes?from=2025-05-16", N + "/outcomes", N + "/offer-gaps?topicId=prisoner-exchange",
            N + "/exchanges", N + "/meetings", N + "/audit", "/api/audit", N + "/positions?asOf=2025-05-20",
            N + "/positions/ua/ceasefire/history");

    @Test
    void viewsThatHadAProcessorEachGoOnInTheSharedOneFromWhereEachStopped() {
        Map<String, Object> database = TestDatabase.freshSchema("ledger_shared_upgrade_it");
        Map<String, String> before = new LinkedHashMap<>();
        long head;
        try (LedgerNode node = LedgerNode.start(database)) {
            Istanbul.recordOn(node);
            for (String path : ANSWERS) {
                LedgerNode.Response answer = node.get(path);
                assertThat(answer.status()).as(path).isEqualTo(200);
                before.put(path, answer.body());
            }
            head = node.get("/api/admin/projections").json().get("head").asLong();
        }

        leaveAsThePreviousReleaseDid(database, head);

        try (LedgerNode node = LedgerNode.start(database)) {
            node.awaitViews();
            for (String path : ANSWERS) {
                assertThat(node.get(path).body()).as(path).isEqualTo(before.get(path));
            }
            for (String view : VIEWS) {
                assertThat(node.get("/api/admin/projections/" + view).json().get("deadLetters").asLong())
                        .as(view).isZero();
            }
            assertThat(node.jdbc().queryForList("SELECT DISTINCT processorname FROM tokenentry", String.class))
                    .containsExactly("views");
            assertThat(node.jdbc().queryForObject("SELECT COUNT(*) FROM audit_event", Long.class))
                    .isEqualTo(node.eventCount());
        }
    }

    /**
     * Each view with a token of its own, at the head, but the audit trail's three events behind,
     * its last three entries not yet written; no shared processor, no handovers.
     */
    private static void leaveAsThePreviousReleaseDid(Map<String, Object> database, long head) {
        JdbcTemplate db = TestDatabase.jdbc(database);
        db.update("DELETE FROM tokenentry");
        db.update("DELETE FROM view_handover");
        db.update("DELETE FROM audit_event WHERE global_position > ?", head - 3);
        for (String view : VIEWS) {
            SerializedObject<byte[]> token = LedgerSerialization.serializer().serialize(GapAwareTrackingToken
                    .newInstance(view.equals("audit") ? head - 3 : head, new TreeSet<>()), byte[].class);
            db.update("INSERT INTO tokenentry (processorname, segment, token, tokentype, timestamp) "
                            + "VALUES (?, 0, ?, ?, ?)", view, token.getData(), token.getType().getName(),
                    Instant.now().toString());
        }
    }
}
