package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL, events commit out of the order of their global positions. Here a transaction
 * takes a position and holds it open while later events commit and the views handle them; then
 * it commits. The late event is at its own position in the audit, shown by every view, and no
 * view stops, skips or repeats an event.
 */
@Tag("reliability")
class GapsTest {

    private static final String SCHEMA = "ledger_gaps_it";

    @Test
    void anEventThatCommitsAfterLaterOnesReachesEveryViewAtItsOwnPosition() throws Exception {
        try (LedgerNode node = LedgerNode.start(TestDatabase.freshSchema(SCHEMA))) {
            for (Istanbul.Post post : Istanbul.setUp()) {
                assertThat(node.post(post.path(), post.body()).status()).isEqualTo(201);
            }
            node.awaitViews();

            try (Connection held = DriverManager.getConnection(TestDatabase.URL + "?currentSchema=" + SCHEMA,
                    TestDatabase.USER, TestDatabase.PASSWORD)) {
                held.setAutoCommit(false);
                long latePosition = insertOpening(held, "late-talks");

                List<Long> later = new ArrayList<>();
                for (Istanbul.Post post : Istanbul.talks()) {
                    later.add(node.post(post.path(), post.body()).json().get("position").asLong());
                }
                assertThat(later).allMatch(position -> position > latePosition);
                // The views handle what committed, and a client waiting for its own event need not wait
                // for the held one; the held position stays a gap.
                LedgerNode.Response meetings = node.get(Istanbul.N + "/meetings?waitFor=" + later.get(later.size() - 1));
                assertThat(meetings.header("X-View-Behind")).isNull();
                assertThat(meetings.json().get("meetings")).hasSize(1);
                assertThat(node.get("/api/negotiations/late-talks").status()).isEqualTo(404);

                held.commit();

                // waitFor waits until a view has handled the position itself, not merely a later one.
                String wait = "?waitFor=" + latePosition;
                for (String view : new String[]{"", "/positions", "/meetings", "/exchanges", "/audit"}) {
                    LedgerNode.Response answer = node.get("/api/negotiations/late-talks" + view + wait);
                    assertThat(answer.status()).as(view).isEqualTo(200);
                    assertThat(answer.header("X-View-Behind")).as(view).isNull();
                }
                node.awaitViews();
                JsonNode audit = node.get("/api/audit?limit=1000").json();
                List<Long> positions = new ArrayList<>();
                audit.get("entries").forEach(entry -> positions.add(entry.get("position").asLong()));
                List<Long> stored = node.jdbc().queryForList("SELECT globalindex FROM domainevententry "
                        + "ORDER BY globalindex", Long.class);
                assertThat(positions).isEqualTo(stored);
                JsonNode late = node.get("/api/negotiations/late-talks/audit").json().get("entries").get(0);
                assertThat(late.get("position").asLong()).isEqualTo(latePosition);
                assertThat(late.get("type").asText()).isEqualTo("NegotiationOpened");
                assertThat(node.get("/api/negotiations/late-talks").json().get("title").asText())
                        .isEqualTo("Russia–Ukraine talks 2025");
                for (JsonNode view : node.get("/api/admin/projections").json().get("projections")) {
                    assertThat(view.get("state").asText()).as(view.get("name").asText()).isEqualTo("UP");
                }
            }
        }
    }

    /**
     * Inserts, in the open transaction, a copy of the stored opening of the Istanbul talks as the
     * opening of another negotiation, and answers the global position it took.
     */
    private static long insertOpening(Connection connection, String negotiationId) throws Exception {
        try (PreparedStatement read = connection.prepareStatement("SELECT type, payloadtype, payloadrevision, "
                + "payload, metadata, timestamp FROM domainevententry WHERE aggregateidentifier = 'ru-ua-2025' "
                + "AND sequencenumber = 0");
             ResultSet opening = read.executeQuery()) {
            assertThat(opening.next()).isTrue();
            String payload = new String(opening.getBytes("payload"), StandardCharsets.UTF_8)
                    .replace("\"ru-ua-2025\"", "\"" + negotiationId + "\"");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry (eventidentifier, "
                    + "aggregateidentifier, sequencenumber, type, payloadtype, payloadrevision, payload, metadata, "
                    + "timestamp) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?) RETURNING globalindex")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, negotiationId);
                insert.setString(3, opening.getString("type"));
                insert.setString(4, opening.getString("payloadtype"));
                insert.setString(5, opening.getString("payloadrevision"));
                insert.setBytes(6, payload.getBytes(StandardCharsets.UTF_8));
                insert.setBytes(7, opening.getBytes("metadata"));
                insert.setString(8, opening.getString("timestamp"));
                try (ResultSet position = insert.executeQuery()) {
                    position.next();
                    return position.getLong(1);
                }
            }
        }
    }
}
