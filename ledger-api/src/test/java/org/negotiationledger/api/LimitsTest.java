package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every limit of the command edge at its edge and one past it: at the edge a command is accepted
 * and what it says reads back unchanged from every view; one past it, it is refused and nothing
 * is stored. On PostgreSQL and on H2 (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A negotiation id as long as ids go. */
    private static final String ID = "edge-" + "n".repeat(123);
    private static final String N = "/api/negotiations/" + ID;
    private static final int ITEMS = 100;
    /** Text with what the views must carry: quotes, backslashes, tabs, line breaks, Cyrillic, emoji. */
    private static final String MIXED = "«Всех на всех» \"quoted\" \\ back\tslash\r\n😀 ";

    private LedgerNode node;

    abstract Map<String, Object> database();

    @BeforeAll
    void start() {
        node = LedgerNode.start(database());
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static String text(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(MIXED);
        }
        text.setLength(length);
        if (Character.isHighSurrogate(text.charAt(length - 1))) {
            text.setCharAt(length - 1, 'x');
        }
        return text.toString();
    }

    private static String id(String prefix, int number) {
        return prefix + "-" + number;
    }

    private LedgerNode.Response post(String path, ObjectNode body) {
        return node.post(path, body.toString());
    }

    private ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void refused(String path, ObjectNode body, int status) {
        long before = node.eventCount();
        LedgerNode.Response answer = post(path, body);
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(status);
        assertThat(node.eventCount()).isEqualTo(before);
    }

    private long accepted(String path, ObjectNode body) {
        LedgerNode.Response answer = post(path, body);
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(201);
        return answer.json().get("position").asLong();
    }

    private JsonNode read(String path, long waitFor) {
        LedgerNode.Response answer = node.get(path + (path.contains("?") ? "&" : "?") + "waitFor=" + waitFor);
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
        assertThat(answer.header("X-View-Behind")).isNull();
        assertThat(answer.header("X-View-Incomplete")).isNull();
        return answer.json();
    }

    @Test
    void everyLimitHoldsAtItsEdgeInEveryViewAndRefusesOnePastIt() {
        ObjectNode negotiation = body("{\"id\":\"" + ID + "\",\"openedOn\":\"0001-01-01\"}")
                .put("title", text(300)).put("description", text(20_000));
        refused("/api/negotiations", negotiation.deepCopy().put("id", ID + "x"), 400);
        refused("/api/negotiations", negotiation.deepCopy().put("title", text(301)), 400);
        refused("/api/negotiations", negotiation.deepCopy().put("description", text(20_001)), 400);
        refused("/api/negotiations", negotiation.deepCopy().put("openedOn", "0000-12-31"), 400);
        refused("/api/negotiations", negotiation.deepCopy().put("openedOn", "10000-01-01"), 400);
        accepted("/api/negotiations", negotiation);

        for (int i = 0; i < ITEMS; i++) {
            accepted(N + "/parties", body("{\"role\":\"PARTY\"}").put("id", id("p", i)).put("name", text(300)));
            accepted(N + "/topics", body("{}").put("id", id("t", i)).put("title", text(300))
                    .put("description", text(20_000)));
        }
        accepted(N + "/delegates", body("{\"partyId\":\"p-0\"}").put("id", "d-0").put("name", text(300))
                .put("title", text(300)));
        refused(N + "/parties", body("{\"role\":\"PARTY\"}").put("id", "p-x").put("name", text(301)), 400);

        ObjectNode source = body("{\"publishedOn\":\"0001-01-01\",\"language\":\"ru\"}")
                .put("publisher", text(300)).put("title", text(300))
                .put("url", "https://example.org/" + "a".repeat(2_000 - 20)).put("quote", text(20_000));
        ObjectNode statement = body("{\"partyId\":\"p-0\",\"delegateId\":\"d-0\",\"topicId\":\"t-0\","
                + "\"stance\":\"CONDITIONAL\",\"effectiveOn\":\"0001-01-01\"}")
                .put("id", "s-" + "x".repeat(126)).put("summary", text(20_000)).put("conditions", text(20_000))
                .put("note", text(20_000)).set("source", source);
        statement.set("offer", body("{}").put("value", new BigDecimal("-12345678901234567890.1234567890"))
                .put("unit", text(40)));
        refused(N + "/statements", statement.deepCopy().put("summary", text(20_001)), 400);
        refused(N + "/statements", statement.deepCopy().put("conditions", text(20_001)), 400);
        refused(N + "/statements", statement.deepCopy().put("note", text(20_001)), 400);
        refused(N + "/statements", withSource(statement, "quote", text(20_001)), 400);
        refused(N + "/statements", withSource(statement, "url", "https://example.org/" + "a".repeat(1_981)), 400);
        refused(N + "/statements", withSource(statement, "publisher", text(301)), 400);
        refused(N + "/statements", withOffer(statement, "123456789012345678901"), 400);
        refused(N + "/statements", withOffer(statement, "1.12345678901"), 400);
        ObjectNode longUnit = statement.deepCopy();
        ((ObjectNode) longUnit.get("offer")).put("unit", text(41));
        refused(N + "/statements", longUnit, 400);
        accepted(N + "/statements", statement);

        ArrayNode parties = JSON.createArrayNode();
        ArrayNode topics = JSON.createArrayNode();
        ObjectNode heads = JSON.createObjectNode();
        ObjectNode quantities = JSON.createObjectNode();
        ArrayNode categories = JSON.createArrayNode();
        IntStream.range(0, ITEMS).forEach(i -> {
            parties.add(id("p", i));
            topics.add(id("t", i));
            quantities.put(id("p", i), Integer.MAX_VALUE);
            categories.add(text(300));
        });
        heads.put("p-0", "d-0");
        ObjectNode meeting = body("{\"id\":\"m-1\",\"heldOn\":\"0001-01-01\",\"level\":\"LEADERS\"}")
                .put("location", text(300)).put("summary", text(20_000));
        meeting.set("partyIds", parties);
        meeting.set("topicIds", topics);
        meeting.set("heads", heads);
        refused(N + "/meetings", withExtraItem(meeting, "partyIds", "p-0"), 400);
        refused(N + "/meetings", withExtraItem(meeting, "topicIds", "t-0"), 400);
        accepted(N + "/meetings", meeting);

        ObjectNode exchange = body("{\"id\":\"x-1\",\"proposedOn\":\"0001-01-01\",\"allForAll\":false}")
                .put("kind", "OTHER").put("kindText", "K".repeat(60)).put("note", text(20_000));
        exchange.set("quantities", quantities);
        exchange.set("categories", categories);
        refused(N + "/exchanges", exchange.deepCopy().put("kindText", "K".repeat(61)), 400);
        refused(N + "/exchanges", withExtraItem(exchange, "categories", "one more"), 400);
        ObjectNode tooMany = exchange.deepCopy();
        ((ObjectNode) tooMany.get("quantities")).put("p-extra", 1);
        refused(N + "/exchanges", tooMany, 400);
        long last = accepted(N + "/exchanges", exchange);

        JsonNode overview = read(N, last);
        assertThat(overview.get("title").asText()).isEqualTo(text(300));
        assertThat(overview.get("description").asText()).isEqualTo(text(20_000));
        assertThat(overview.get("parties")).hasSize(ITEMS);
        assertThat(overview.get("topics")).hasSize(ITEMS);

        JsonNode cell = read(N + "/positions", last).get("positions").get(0);
        assertThat(cell.get("summary").asText()).isEqualTo(text(20_000));
        assertThat(cell.get("conditions").asText()).isEqualTo(text(20_000));
        assertThat(node.get(N + "/positions").body()).contains("\"value\":-12345678901234567890.123456789,");
        JsonNode version = read(N + "/positions/p-0/t-0/history", last).get("entries").get(0);
        assertThat(version.get("note").asText()).isEqualTo(text(20_000));
        assertThat(version.at("/source/quote").asText()).isEqualTo(text(20_000));
        assertThat(version.at("/source/url").asText()).hasSize(2_000);

        JsonNode meetings = read(N + "/meetings", last).get("meetings");
        assertThat(meetings.get(0).get("partyIds")).hasSize(ITEMS);
        assertThat(meetings.get(0).get("summary").asText()).isEqualTo(text(20_000));

        JsonNode exchanges = read(N + "/exchanges", last).get("exchanges");
        assertThat(exchanges.get(0).at("/terms/categories")).hasSize(ITEMS);
        assertThat(exchanges.get(0).at("/terms/kindText").asText()).isEqualTo("K".repeat(60));

        List<JsonNode> audit = new ArrayList<>();
        read(N + "/audit?limit=1000", last).get("entries").forEach(audit::add);
        assertThat(audit.size()).as("opened, the parties and topics, a delegate, statement, meeting and exchange")
                .isEqualTo(1 + 2 * ITEMS + 4);
        assertThat(audit.get(audit.size() - 3).at("/payload/summary").asText()).isEqualTo(text(20_000));

        node.awaitViews();
        assertThat(node.get("/api/admin/projections").json().get("projections"))
                .allMatch(view -> view.get("state").asText().equals("UP"));
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIsRefused() {
        String party = "{\"id\":\"padded\",\"name\":\"Padded\",\"role\":\"PARTY\"}";
        String open = "{\"id\":\"pad-neg\",\"title\":\"Padded\",\"openedOn\":\"2025-01-01\"}";
        assertThat(node.post("/api/negotiations", open).status()).isEqualTo(201);
        int limit = 1024 * 1024;
        String tooLarge = party + " ".repeat(limit + 1 - party.length());
        assertThat(node.post("/api/negotiations/pad-neg/parties", tooLarge).status()).isEqualTo(413);
        String atTheLimit = party + " ".repeat(limit - party.length());
        assertThat(node.post("/api/negotiations/pad-neg/parties", atTheLimit).status()).isEqualTo(201);
    }

    private static ObjectNode withSource(ObjectNode statement, String field, String value) {
        ObjectNode copy = statement.deepCopy();
        ((ObjectNode) copy.get("source")).put(field, value);
        return copy;
    }

    private static ObjectNode withOffer(ObjectNode statement, String value) {
        ObjectNode copy = statement.deepCopy();
        ((ObjectNode) copy.get("offer")).put("value", new BigDecimal(value));
        return copy;
    }

    private static ObjectNode withExtraItem(ObjectNode body, String list, String item) {
        ObjectNode copy = body.deepCopy();
        ((ArrayNode) copy.get(list)).add(item);
        return copy;
    }
}
