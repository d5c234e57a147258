package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed while a replay switches a view's tables leaves, in the database, the replay marked
 * SWITCHING with its last sign of life and the copies it was building. On PostgreSQL, the next node
 * to start serves the view from its live tables within 10 s and drops the copies.
 */
@Tag("reliability")
class ReplayAfterCrashTest {

    @Test
    void aReplayWhoseNodeDiedInTheSwitchIsAbandonedAndTheViewServesWithinTenSeconds() {
        Map<String, Object> database = TestDatabase.freshSchema("ledger_replay_crash_it");
        try (LedgerNode before = LedgerNode.start(database)) {
            before.importLines("", IstanbulExampleTest.example());
            before.awaitViews();
        }
        // What kill -9 during the switch leaves: the replay SWITCHING, its node's last heartbeat just now,
        // and the copies of the view's tables it was filling.
        try (LedgerNode crashed = LedgerNode.start(database)) {
            crashed.jdbc().update("DELETE FROM view_replay WHERE processor_name = 'positions'");
            crashed.jdbc().update("INSERT INTO view_replay (processor_name, generation, state, requested_by, "
                    + "requested_at, heartbeat_at) VALUES ('positions', 7, 'SWITCHING', 'root', ?, ?)",
                    OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC));
            crashed.jdbc().execute("CREATE TABLE positions_version_next (kept INTEGER)");
        }

        long started = System.nanoTime();
        try (LedgerNode after = LedgerNode.start(database)) {
            long position = after.post("/api/negotiations", """
                    {"id":"after-the-crash","title":"After the crash","openedOn":"2025-05-16"}""")
                    .json().get("position").asLong();
            JsonNode view = awaitPositionsAt(after, position, Duration.ofSeconds(10).minusNanos(
                    System.nanoTime() - started));
            assertThat(view.get("state").asText()).isEqualTo("UP");
            assertThat(view.at("/replay/state").asText()).isEqualTo("FAILED");
            assertThat(view.at("/replay/error").asText()).contains("went silent");
            List<String> copies = after.jdbc().queryForList("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'ledger_replay_crash_it' AND table_name LIKE '%\\_next'", String.class);
            assertThat(copies).as("copies a dead replay left").isEmpty();
        }
    }

    /** The positions view once it has processed {@code position}; fails when that takes longer than {@code bound}. */
    private static JsonNode awaitPositionsAt(LedgerNode node, long position, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            JsonNode view = node.get("/api/admin/projections/positions").json();
            if (view.get("position").asLong() >= position && view.get("runningHere").asBoolean()) {
                return view;
            }
            assertThat(System.nanoTime()).as("the view serves again within 10 s of the start: " + view)
                    .isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
