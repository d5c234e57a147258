package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records the Istanbul talks over HTTP, then reads every view back over HTTP: on PostgreSQL and
 * on the embedded H2 alike (the subclasses say which).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ViewsOverHttpTest {

    private LedgerNode node;
    private long lastPosition;

    /** The properties that point the ledger at the database under test. */
    abstract Map<String, Object> database();

    @BeforeAll
    void record() {
        Map<String, Object> properties = new HashMap<>(database());
        properties.put("ledger.views.wait-bound", "PT1S");
        node = LedgerNode.start(properties);
        List<Istanbul.Post> posts = new ArrayList<>(Istanbul.setUp());
        posts.addAll(Istanbul.talks());
        for (Istanbul.Post post : posts) {
            LedgerNode.Response response = node.as(LedgerNode.RECORDER).post(post.path(), post.body(),
                    "X-Request-Id", "req-" + post.path().hashCode());
            assertThat(response.status()).as(post.path()).isIn(200, 201);
            lastPosition = response.json().get("position").asLong();
        }
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private JsonNode read(String path) {
        LedgerNode.Response response = node.get(path + (path.contains("?") ? "&" : "?") + "waitFor=" + lastPosition);
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        assertThat(response.header("X-View-Behind")).as(path).isNull();
        assertThat(Long.parseLong(response.header("X-View-Position"))).isGreaterThanOrEqualTo(lastPosition);
        return response.json();
    }

    private static String cells(JsonNode matrix) {
        List<String> cells = new ArrayList<>();
        matrix.get("positions").forEach(p -> cells.add(p.get("partyId").asText() + "/" + p.get("topicId").asText()
                + "=" + p.get("stance").asText() + " " + p.get("summary").asText()));
        return String.join("; ", cells);
    }

    @Test
    void thePositionMatrixShowsTheCorrectedStatementAndLeavesOutTheRetractedOne() {
        JsonNode matrix = read(Istanbul.N + "/positions");

        assertThat(matrix.get("parties")).extracting(p -> p.get("id").asText()).containsExactly("ua", "ru", "tr");
        assertThat(matrix.get("topics")).extracting(t -> t.get("id").asText())
                .containsExactly("ceasefire", "prisoner-exchange");
        assertThat(cells(matrix)).isEqualTo("ua/ceasefire=CONDITIONAL Ready to meet Putin in any format");
        JsonNode cell = matrix.get("positions").get(0);
        assertThat(cell.get("score").asInt()).isEqualTo(1);
        assertThat(cell.get("effectiveOn").asText()).isEqualTo("2025-05-27");
        assertThat(cell.get("statementId").asText()).isEqualTo("zelensky-2025-05-27");
        assertThat(cell.get("kind").asText()).isEqualTo("CORRECTED");
        assertThat(cell.get("conditions").asText()).startsWith("a ceasefire is discussed at once");
    }

    @Test
    void asOfAndKnownAtLookBackInBothTimes() {
        assertThat(read(Istanbul.N + "/positions?asOf=2025-05-20").get("positions")).isEmpty();

        JsonNode audit = read(Istanbul.N + "/audit?type=StatementCorrected");
        Instant corrected = Instant.parse(audit.get("entries").get(0).get("recordedAt").asText());
        JsonNode before = read(Istanbul.N + "/positions?knownAt=" + corrected.minusMillis(1));
        assertThat(cells(before)).isEqualTo("ua/ceasefire=CONDITIONAL Ready to meet at leaders' level in any format; "
                + "ua/prisoner-exchange=SUPPORTS Supports an all-for-all exchange");
        assertThat(before.get("knownAt").asText()).isEqualTo(corrected.minusMillis(1).toString());
    }

    @Test
    void theHistoryKeepsEveryVersion() {
        JsonNode history = read(Istanbul.N + "/positions/ua/prisoner-exchange/history");

        assertThat(history.get("entries")).extracting(e -> e.get("revision").asInt() + " " + e.get("kind").asText()
                        + " " + e.get("superseded").asBoolean())
                .containsExactly("1 RECORDED true", "2 RETRACTED false");
        JsonNode first = history.get("entries").get(0);
        assertThat(first.get("offer").get("value").asInt()).isEqualTo(1000);
        assertThat(first.get("source").get("quote").asText()).contains("«всех на всех»");
        assertThat(history.get("entries").get(1).get("reason").asText()).isEqualTo("recorded twice by mistake");
    }

    @Test
    void changesBetweenTwoDatesNameTheCellsThatMoved() {
        JsonNode changes = read(Istanbul.N + "/changes?from=2025-05-20&to=2025-06-01");

        assertThat(changes.get("changes")).singleElement().satisfies(change -> {
            assertThat(change.get("partyId").asText()).isEqualTo("ua");
            assertThat(change.get("topicId").asText()).isEqualTo("ceasefire");
            assertThat(change.get("before").isNull()).isTrue();
            assertThat(change.get("after").get("stance").asText()).isEqualTo("CONDITIONAL");
        });
    }

    @Test
    void theExchangesShowTermsAgreementStagesAndStatus() {
        JsonNode list = read(Istanbul.N + "/exchanges");
        assertThat(list.get("exchanges")).extracting(e -> e.get("id").asText() + " " + e.get("status").asText())
                .containsExactly("pow-1 COMPLETED");

        JsonNode exchange = read(Istanbul.N + "/exchanges/pow-1");
        assertThat(exchange.get("terms").get("quantities").get("ua").asInt()).isEqualTo(1000);
        assertThat(exchange.get("agreement").get("agreedOn").asText()).isEqualTo("2025-05-16");
        assertThat(exchange.get("agreement").get("partyIds")).extracting(JsonNode::asText)
                .containsExactly("ua", "ru");
        assertThat(exchange.get("stages")).extracting(s -> s.get("executedOn").asText() + " "
                        + s.get("released").get("ru").asInt() + " " + s.get("totals").get("ru").asInt())
                .containsExactly("2025-05-23 390 390", "2025-05-24 307 697", "2025-05-25 303 1000");
        assertThat(exchange.get("completedOn").asText()).isEqualTo("2025-05-25");
    }

    @Test
    void theMeetingsFormATimeline() {
        JsonNode meetings = read(Istanbul.N + "/meetings").get("meetings");

        assertThat(meetings).singleElement().satisfies(meeting -> {
            assertThat(meeting.get("id").asText()).isEqualTo("istanbul-1");
            assertThat(meeting.get("location").asText()).isEqualTo("Istanbul");
            assertThat(meeting.get("mediatorIds").get(0).asText()).isEqualTo("tr");
            assertThat(meeting.get("heads").get("ru").asText()).isEqualTo("medinsky");
        });
    }

    @Test
    void theAuditTrailListsEveryEventWithWhoAndWhy() {
        JsonNode page = read(Istanbul.N + "/audit?limit=1000");
        JsonNode entries = page.get("entries");

        assertThat(entries).hasSize((int) node.eventCount());
        assertThat(page.get("next").isNull()).isTrue();
        JsonNode first = entries.get(0);
        assertThat(first.get("type").asText()).isEqualTo("NegotiationOpened");
        assertThat(first.get("sequence").asInt()).isZero();
        assertThat(first.get("recordedBy").asText()).isEqualTo(LedgerNode.RECORDER);
        assertThat(first.get("correlationId").asText()).isEqualTo("req-" + "/api/negotiations".hashCode());
        assertThat(first.get("effectiveOn").asText()).isEqualTo("2025-05-16");
        assertThat(first.get("payload").get("title").asText()).isEqualTo("Russia–Ukraine talks 2025");
        assertThat(entries).extracting(e -> e.get("position").asLong()).isSorted();

        assertThat(read(Istanbul.N + "/audit?type=ExchangeExecutionRecorded,ExchangeCompleted").get("entries"))
                .extracting(e -> e.get("type").asText()).containsExactly("ExchangeExecutionRecorded",
                        "ExchangeExecutionRecorded", "ExchangeExecutionRecorded", "ExchangeCompleted");
        assertThat(read(Istanbul.N + "/audit?party=tr").get("entries")).extracting(e -> e.get("type").asText())
                .containsExactly("PartyRegistered", "MeetingHeld");
        assertThat(read(Istanbul.N + "/audit?effectiveFrom=2025-05-24&effectiveTo=2025-05-25").get("entries"))
                .hasSize(3);
        assertThat(read("/api/audit?recordedBefore=2000-01-01T00:00:00Z").get("entries")).isEmpty();
    }

    @Test
    void auditPagesChainThroughTheirNextLinks() {
        List<Long> positions = new ArrayList<>();
        String next = "/api/audit?limit=6&type=StatementRecorded,TopicAdded,PartyRegistered,MeetingHeld";
        int pages = 0;
        while (next != null) {
            LedgerNode.Response response = node.get(next);
            assertThat(response.status()).isEqualTo(200);
            JsonNode page = response.json();
            page.get("entries").forEach(e -> positions.add(e.get("position").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            if (next != null) {
                assertThat(response.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
            }
            pages++;
        }
        assertThat(positions).hasSize(2 + 3 + 2 + 1).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void theOverviewListsNegotiationsAndShowsOneWithItsCast() {
        assertThat(read("/api/negotiations").get("negotiations")).extracting(n -> n.get("id").asText() + " "
                + n.get("status").asText()).containsExactly("ru-ua-2025 OPEN");

        JsonNode one = read(Istanbul.N);
        assertThat(one.get("delegates")).extracting(d -> d.get("id").asText())
                .containsExactly("umerov", "zelensky", "medinsky");
        assertThat(one.get("counts").get("events").asLong()).isEqualTo(node.eventCount());
        assertThat(one.get("counts").get("statements").asInt()).isEqualTo(2);
        assertThat(one.get("counts").get("corrections").asInt()).isEqualTo(1);
        assertThat(one.get("counts").get("retractions").asInt()).isEqualTo(1);
        assertThat(one.get("firstEffectiveOn").asText()).isEqualTo("2025-05-16");
        assertThat(one.get("lastEffectiveOn").asText()).isEqualTo("2025-06-27");
    }

    @Test
    void theAdminListingShowsEveryViewCaughtUp() {
        node.awaitViews();
        JsonNode listing = node.get("/api/admin/projections").json();

        assertThat(listing.get("head").asLong()).isEqualTo(lastPosition);
        assertThat(listing.get("projections")).extracting(v -> v.get("name").asText())
                .containsExactly("audit", "exchanges", "meetings", "overview", "positions");
        for (JsonNode view : listing.get("projections")) {
            assertThat(view.get("lag").asLong()).as(view.toString()).isZero();
            assertThat(view.get("runningHere").asBoolean()).isTrue();
            assertThat(view.get("segments")).hasSize(1);
        }
    }

    @Test
    void unknownThingsAreNotFound() {
        for (String path : List.of("/api/negotiations/nowhere", "/api/negotiations/nowhere/positions",
                "/api/negotiations/nowhere/changes?from=2025-05-01", "/api/negotiations/nowhere/exchanges",
                "/api/negotiations/nowhere/meetings", "/api/negotiations/nowhere/audit")) {
            LedgerNode.Response response = node.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().get("type").asText()).as(path).isEqualTo("/problems/unknown-negotiation");
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        }
        for (String path : List.of(Istanbul.N + "/exchanges/none", Istanbul.N + "/positions/xx/ceasefire/history",
                "/api/admin/projections/none")) {
            LedgerNode.Response response = node.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().get("type").asText()).as(path).isEqualTo("/problems/not-found");
        }
    }

    @Test
    void badParametersAreRefusedAndNamed() {
        Map<String, String> refused = Map.of(
                Istanbul.N + "/positions?asOf=20.05.2025", "asOf",
                Istanbul.N + "/positions?knownAt=yesterday", "knownAt",
                Istanbul.N + "/changes", "from",
                Istanbul.N + "/changes?from=2025-06-01&to=2025-05-01", "to",
                Istanbul.N + "/audit?limit=0", "limit",
                Istanbul.N + "/audit?after=not-a-cursor", "after",
                Istanbul.N + "/audit?type=Bogus", "type",
                "/api/negotiations?status=MAYBE", "status",
                Istanbul.N + "/positions?waitFor=-1", "waitFor");
        refused.forEach((path, parameter) -> {
            LedgerNode.Response response = node.get(path);
            assertThat(response.status()).as(path + " → " + response).isEqualTo(400);
            assertThat(response.json().get("type").asText()).isEqualTo("/problems/invalid-parameter");
            assertThat(response.json().get("parameter").asText()).isEqualTo(parameter);
        });
    }

    @Test
    void aQueryThatCannotWaitLongEnoughSaysItIsBehind() {
        LedgerNode.Response response = node.get(Istanbul.N + "/positions?waitFor=" + (lastPosition + 1000));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-View-Behind")).isEqualTo("true");
        assertThat(Long.parseLong(response.header("X-View-Position"))).isLessThan(lastPosition + 1000);
    }
}
