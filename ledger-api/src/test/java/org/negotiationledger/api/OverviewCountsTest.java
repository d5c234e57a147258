package org.negotiationledger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview counts a negotiation's events from the audit view's rows (the ledger's index of
 * events): when the audit view sets a negotiation's events aside, the overview's answers about it
 * say they are incomplete too, and those about other negotiations do not. The cause is a row
 * planted in the audit view's table at the position the next event will take.
 */
class OverviewCountsTest {

    @TempDir
    static Path dataDir;

    @Test
    void anOverviewIsIncompleteWhereTheAuditViewSetEventsAside() {
        try (LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString()))) {
            for (String id : new String[]{"sick", "well"}) {
                assertThat(node.post("/api/negotiations", """
                        {"id":"%s","title":"Talks","openedOn":"2025-05-01"}""".formatted(id)).status()).isEqualTo(201);
            }
            node.awaitViews();
            long head = node.jdbc().queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
            node.jdbc().update("INSERT INTO audit_event (global_position, negotiation_id, sequence_number, event_type, "
                    + "recorded_at) VALUES (?, 'sick', 99, 'Planted', CURRENT_TIMESTAMP)", head + 1);

            long sick = node.post("/api/negotiations/sick/topics", """
                    {"id":"t","title":"Prisoners"}""").json().get("position").asLong();
            assertThat(sick).isEqualTo(head + 1);
            long well = node.post("/api/negotiations/well/topics", """
                    {"id":"t","title":"Prisoners"}""").json().get("position").asLong();

            LedgerNode.Response wellAnswer = node.get("/api/negotiations/well?waitFor=" + well);
            assertThat(wellAnswer.header("X-View-Behind")).isNull();
            assertThat(wellAnswer.header("X-View-Incomplete")).isNull();
            assertThat(wellAnswer.json().at("/counts/events").asLong()).isEqualTo(2);
            awaitIncomplete(node, "/api/negotiations/sick");
            assertThat(node.get("/api/negotiations").header("X-View-Incomplete")).isEqualTo("true");
            assertThat(node.get("/api/negotiations/sick/meetings").header("X-View-Incomplete")).isNull();

            node.jdbc().update("DELETE FROM audit_event WHERE event_type = 'Planted'");
            assertThat(node.post("/api/admin/projections/audit/dead-letters/retry", "").json()
                    .get("remaining").asLong()).isZero();
            LedgerNode.Response sickAnswer = node.get("/api/negotiations/sick");
            assertThat(sickAnswer.header("X-View-Incomplete")).isNull();
            assertThat(sickAnswer.json().at("/counts/events").asLong()).isEqualTo(2);
            assertThat(sickAnswer.json().at("/counts/topics").asLong()).isEqualTo(1);
        }
    }

    private static void awaitIncomplete(LedgerNode node, String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"true".equals(node.get(path).header("X-View-Incomplete"))) {
            assertThat(System.nanoTime()).as("%s incomplete within 10 s", path).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
