package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A view that cannot handle an event sets it aside, with the rest of that negotiation's events
 * behind it, and goes on with every other negotiation; the listing, health and answers say so;
 * once an admin removes the cause, a retry hands the events to the view again, in order. The
 * cause here is a row planted in the meetings view's table, so that the view's insert of a
 * meeting fails on its key, on PostgreSQL and on H2 (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PoisonedViewTest {

    private static final String SICK = "/api/negotiations/sick";
    private static final String WELL = "/api/negotiations/well";
    private LedgerNode node;

    abstract Map<String, Object> database();

    @BeforeAll
    void start() {
        node = LedgerNode.start(database());
        for (String negotiation : new String[]{SICK, WELL}) {
            String id = negotiation.substring(negotiation.lastIndexOf('/') + 1);
            assertThat(node.post("/api/negotiations", """
                    {"id":"%s","title":"Talks","openedOn":"2025-05-01"}""".formatted(id)).status()).isEqualTo(201);
            assertThat(node.post(negotiation + "/parties", """
                    {"id":"a","name":"A","role":"PARTY"}""").status()).isEqualTo(201);
        }
        node.awaitViews();
        node.jdbc().update("INSERT INTO meetings_meeting (negotiation_id, meeting_id, held_on, level, party_ids_json, "
                + "mediator_ids_json, heads_json, topic_ids_json, ordinal, recorded_at) VALUES ('sick', 'm-1', "
                + "DATE '2025-05-02', 'TECHNICAL', '[]', '[]', '{}', '[]', 99, CURRENT_TIMESTAMP)");
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static String meeting(String id, String day) {
        return """
                {"id":"%s","heldOn":"%s","level":"DELEGATIONS","partyIds":["a"]}""".formatted(id, day);
    }

    @Test
    void theViewSetsTheNegotiationAsideGoesOnWithTheOthersAndCatchesUpAfterARetry() {
        assertThat(node.post(SICK + "/meetings", meeting("m-1", "2025-05-02")).status()).isEqualTo(201);
        assertThat(node.post(SICK + "/meetings", meeting("m-2", "2025-05-03")).status()).isEqualTo(201);
        long last = node.post(WELL + "/meetings", meeting("m-1", "2025-05-02")).json().get("position").asLong();

        // The other negotiation is answered in full, after the poisoned one.
        LedgerNode.Response well = node.get(WELL + "/meetings?waitFor=" + last);
        assertThat(well.status()).isEqualTo(200);
        assertThat(well.header("X-View-Behind")).isNull();
        assertThat(well.header("X-View-Incomplete")).isNull();
        assertThat(well.json().get("meetings")).hasSize(1);
        node.awaitViews();

        // The second meeting is set aside behind the first one, in its own step: wait for both.
        awaitTrue(() -> "DEGRADED".equals(meetingsView(node).get("state").asText())
                && meetingsView(node).get("deadLetters").asLong() == 2);
        JsonNode view = meetingsView(node);
        assertThat(view.get("deadLetters").asLong()).isEqualTo(2);
        assertThat(view.get("incompleteFor")).extracting(JsonNode::asText).containsExactly("sick");
        assertThat(view.get("lag").asLong()).isZero();

        LedgerNode.Response sick = node.get(SICK + "/meetings");
        assertThat(sick.header("X-View-Incomplete")).isEqualTo("true");
        assertThat(sick.json().get("meetings")).extracting(m -> m.get("id").asText()).containsExactly("m-1");

        LedgerNode.Response health = node.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.json().at("/components/views/details/deadLetters/meetings").asLong()).isEqualTo(2);

        JsonNode letters = node.get("/api/admin/projections/meetings/dead-letters").json();
        assertThat(letters.get("letters")).extracting(l -> l.get("eventType").asText())
                .containsExactly("MeetingHeld", "MeetingHeld");
        assertThat(letters.at("/letters/0/cause").asText()).contains("DuplicateKeyException");
        assertThat(letters.at("/letters/1/cause").isNull()).isTrue();
        assertThat(node.as(LedgerNode.READER).get("/api/admin/projections/meetings/dead-letters").status())
                .isEqualTo(403);

        // Retrying before the cause is gone changes nothing.
        JsonNode retried = node.post("/api/admin/projections/meetings/dead-letters/retry", "").json();
        assertThat(retried.get("cleared").asInt()).isZero();
        assertThat(retried.get("remaining").asLong()).isEqualTo(2);

        node.jdbc().update("DELETE FROM meetings_meeting WHERE negotiation_id = 'sick' AND ordinal = 99");
        retried = node.post("/api/admin/projections/meetings/dead-letters/retry", "").json();
        assertThat(retried.get("cleared").asInt()).isEqualTo(1);
        assertThat(retried.get("remaining").asLong()).isZero();

        sick = node.get(SICK + "/meetings");
        assertThat(sick.header("X-View-Incomplete")).isNull();
        assertThat(sick.json().get("meetings")).extracting(m -> m.get("id").asText()).containsExactly("m-1", "m-2");
        assertThat(meetingsView(node).get("state").asText()).isEqualTo("UP");
        assertThat(node.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readersSeeNeitherNodesNorErrorsInTheListing() {
        JsonNode listing = node.as(LedgerNode.READER).get("/api/admin/projections").json();
        for (JsonNode view : listing.get("projections")) {
            for (JsonNode segment : view.get("segments")) {
                assertThat(segment.get("owner").isNull()).as(view.get("name").asText()).isTrue();
            }
        }
        assertThat(node.get("/api/admin/projections").json().at("/projections/0/segments/0/owner").asText())
                .isNotBlank();
    }

    private static JsonNode meetingsView(LedgerNode node) {
        return node.get("/api/admin/projections/meetings").json();
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not come true in 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
