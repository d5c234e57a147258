package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model's second edition over real HTTP: the Istanbul example and a wage round, then a late
 * mediator, a delegate's new title, a ranged proposal with a deadline and a one-sided transfer;
 * every view read as of a day and as known at a time. On PostgreSQL and on H2 (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecondEditionOverHttpTest {

    private static final String N = "/api/negotiations/ru-ua-2025";
    private static final String COUNCIL = "Secretary of the National Security and Defence Council";

    /**
     * Every read, with the query it needs, and the name of its day parameter: asOf, or for the
     * changes between two days the later one. Each also takes knownAt and waitFor.
     */
    private static final Map<String, String> READS = new LinkedHashMap<>();

    static {
        for (String path : List.of("/api/negotiations?", N + "?", N + "/positions?",
                N + "/positions/ua/leaders-meeting/history?", N + "/meetings?", N + "/exchanges?",
                N + "/exchanges/pow-1000-for-1000?", N + "/outcomes?", N + "/offer-gaps?topicId=prisoner-exchange&")) {
            READS.put(path, "asOf");
        }
        READS.put(N + "/changes?from=2025-05-16&", "to");
    }

    private LedgerNode node;
    /** A time after the example and the wage round were recorded, before anything else was. */
    private Instant beforeTheNews;
    private long last;

    abstract Map<String, Object> database() throws IOException;

    @BeforeAll
    void record() throws Exception {
        node = LedgerNode.start(database());
        JsonNode example = node.importLines("?report=refused", IstanbulExampleTest.example()).json();
        assertThat(example.at("/summary/refused").asInt()).as(example.toString()).isZero();
        String commands = resource("/release-1/commands.jsonl");
        String wageRound = commands.substring(commands.indexOf("{\"path\": \"/api/negotiations\", \"body\": {\"id\": "
                + "\"wage-2024\""));
        assertThat(node.importLines("?report=refused", wageRound).json().at("/summary/refused").asInt()).isZero();
        Thread.sleep(5);
        beforeTheNews = Instant.now();
        Thread.sleep(5);
        post(N + "/parties", """
                {"id":"va","name":"Vatican","role":"MEDIATOR","joinedOn":"2025-06-01"}""");
        post(N + "/parties/us/roles", """
                {"role":"MEDIATOR","since":"2025-07-01"}""");
        post(N + "/delegates/umerov/titles", """
                {"title":"%s","since":"2025-07-17"}""".formatted(COUNCIL));
        post(N + "/statements", """
                {"id":"ru-bodies-truce","partyId":"ru","topicId":"ceasefire","stance":"PROPOSES",
                 "summary":"A ceasefire of 24 to 48 hours on parts of the front to collect the bodies",
                 "offer":{"min":24,"max":48,"unit":"hours"},"effectiveOn":"2025-06-02","validUntil":"2025-08-31"}""");
        post(N + "/exchanges", """
                {"id":"bodies-6000","kind":"BODIES","proposedBy":"ru","proposedOn":"2025-06-02",
                 "quantities":{"ru":6000}}""");
        post(N + "/exchanges/bodies-6000/agreements", """
                {"partyIds":["ru","ua"],"agreedOn":"2025-06-02"}""");
        post(N + "/exchanges/bodies-6000/executions", """
                {"stage":1,"executedOn":"2025-06-11","released":{"ru":6000}}""");
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private void post(String path, String body) {
        LedgerNode.Response response = node.post(path, body);
        assertThat(response.status()).as(path + " → " + response).isEqualTo(201);
        last = response.json().get("position").asLong();
    }

    private JsonNode read(String path) {
        LedgerNode.Response response = node.get(path + (path.contains("?") ? "&" : "?") + "waitFor=" + last);
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        return response.json();
    }

    @Test
    void theSidesDisagreementOnACeasefireIsReadBackAsAnOutcome() {
        JsonNode outcome = read(N + "/outcomes?topicId=ceasefire&partyId=ru").at("/outcomes/0");

        assertThat(outcome.get("kind").asText()).isEqualTo("NOT_AGREED");
        assertThat(outcome.get("terms").asText()).contains("did not come to agreement on a ceasefire");
        assertThat(read(N + "/outcomes?asOf=2025-05-15").get("outcomes")).isEmpty();
    }

    @Test
    void aRangedProposalWithADeadlineLapsesAfterIt() {
        JsonNode august = cell(read(N + "/positions?asOf=2025-08-31"), "ru", "ceasefire");
        JsonNode september = cell(read(N + "/positions?asOf=2025-09-01"), "ru", "ceasefire");

        assertThat(august.get("kind").asText()).isEqualTo("RECORDED");
        assertThat(august.at("/offer/min").decimalValue()).isEqualByComparingTo("24");
        assertThat(august.at("/offer/max").decimalValue()).isEqualByComparingTo("48");
        assertThat(august.get("validUntil").asText()).isEqualTo("2025-08-31");
        assertThat(september.get("kind").asText()).isEqualTo("LAPSED");
        assertThat(september.get("statementId").asText()).isEqualTo("ru-bodies-truce");
    }

    @Test
    void aDelegatesNewTitleShowsFromItsDayAndTheHistoryKeepsTheOldOne() {
        JsonNode history = read(N + "/positions/ua/ceasefire/history").get("entries");
        assertThat(history.get(0).get("delegateTitle").asText()).isEqualTo("Minister of Defence of Ukraine");
        assertThat(delegate(read(N + "/positions?asOf=2025-07-20"), "umerov").get("title").asText())
                .isEqualTo(COUNCIL);
        assertThat(delegate(read(N + "?asOf=2025-07-01"), "umerov").get("title").asText())
                .isEqualTo("Minister of Defence of Ukraine");
        assertThat(delegate(read(N + "?knownAt=" + beforeTheNews), "umerov").get("title").asText())
                .isEqualTo("Minister of Defence of Ukraine");
    }

    @Test
    void aMediatorWhoJoinedLateIsAbsentBeforeItJoinedAndBeforeItWasRecorded() {
        assertThat(ids(read(N + "/positions?asOf=2025-05-20").get("parties"))).doesNotContain("va");
        assertThat(ids(read(N + "/positions?asOf=2025-06-10").get("parties"))).contains("va");
        assertThat(ids(read(N + "/positions?asOf=2025-06-10&knownAt=" + beforeTheNews).get("parties")))
                .doesNotContain("va");
        assertThat(ids(read(N + "?asOf=2025-06-10").get("parties"))).contains("va");
        assertThat(read(N + "?asOf=2025-05-20").at("/counts/parties").asInt()).isEqualTo(4);
    }

    @Test
    void anObserverWhoBecameAMediatorHasTheRoleOfTheDayAskedAbout() {
        assertThat(role(read(N + "/positions?asOf=2025-06-10"), "us")).isEqualTo("OBSERVER");
        assertThat(role(read(N + "/positions?asOf=2025-07-01"), "us")).isEqualTo("MEDIATOR");
        assertThat(role(read(N + "?asOf=2025-07-01"), "us")).isEqualTo("MEDIATOR");
        assertThat(role(read(N + "?knownAt=" + beforeTheNews), "us")).isEqualTo("OBSERVER");
    }

    @Test
    void aOneSidedTransferIsCarriedOutAndCompleted() {
        JsonNode transfer = read(N + "/exchanges/bodies-6000");

        assertThat(transfer.get("kind").asText()).isEqualTo("BODIES");
        assertThat(transfer.at("/terms/sides")).extracting(JsonNode::asText).containsExactly("ru");
        assertThat(transfer.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(transfer.at("/totals/ru").asInt()).isEqualTo(6000);
        assertThat(read(N + "/exchanges/bodies-6000?asOf=2025-06-05").get("status").asText()).isEqualTo("AGREED");
        assertThat(node.get(N + "/exchanges/bodies-6000?knownAt=" + beforeTheNews).status()).isEqualTo(404);
    }

    @Test
    void theWageRoundsGapNarrowsFromSixToNothing() {
        JsonNode points = read("/api/negotiations/wage-2024/offer-gaps?topicId=pay-rise").at("/pairs/0/points");

        assertThat(points).extracting(point -> point.get("gap").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly("6", "3.5", "0.8", "0");
        assertThat(read("/api/negotiations/wage-2024/offer-gaps?topicId=pay-rise&asOf=2024-02-10")
                .at("/pairs/0/points")).hasSize(2);
    }

    @Test
    void everyViewAnswersAsOfADayAsKnownAtATime() {
        for (Map.Entry<String, String> read : READS.entrySet()) {
            String path = read.getKey();
            JsonNode answer = read(path + read.getValue() + "=2025-05-20&knownAt=" + beforeTheNews);
            assertThat(answer.toString()).as(path).doesNotContain("bodies-6000", "\"va\"", COUNCIL,
                    "istanbul-2", "2025-06-02");
        }
        assertThat(read(N + "/meetings?asOf=2025-05-20").get("meetings")).hasSize(1);
        JsonNode exchanges = read(N + "/exchanges?asOf=2025-05-24").get("exchanges");
        assertThat(exchanges).hasSize(1);
        assertThat(exchanges.get(0).get("status").asText()).isEqualTo("PARTIALLY_EXECUTED");
        assertThat(read("/api/negotiations?asOf=2025-05-15").get("negotiations")).extracting(n -> n.get("id").asText())
                .containsExactly("wage-2024");
    }

    @Test
    void everyReadRefusesAnUnknownParameterAndAMalformedDate() {
        for (Map.Entry<String, String> read : READS.entrySet()) {
            String path = read.getKey();
            LedgerNode.Response misspelt = node.get(path + "asoff=2025-05-20");
            assertThat(misspelt.status()).as(path).isEqualTo(400);
            assertThat(misspelt.json().get("type").asText()).isEqualTo("/problems/unknown-parameter");
            assertThat(misspelt.json().get("parameter").asText()).isEqualTo("asoff");
            assertThat(misspelt.json().get("detail").asText()).contains(read.getValue(), "knownAt");

            LedgerNode.Response malformed = node.get(path + read.getValue() + "=20-05-2025");
            assertThat(malformed.status()).as(path).isEqualTo(400);
            assertThat(malformed.json().get("parameter").asText()).isEqualTo(read.getValue());
            assertThat(malformed.json().get("detail").asText()).contains("must be a date like");
        }
    }

    @Test
    void theAuditTrailAndTheAdministrationRefuseUnknownParametersToo() {
        for (String path : List.of(N + "/audit?asoff=2025-05-20", "/api/audit?knownat=x",
                "/api/admin/projections?verbose=true", N + "/verify?foo=1")) {
            LedgerNode.Response refused = node.get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.json().get("type").asText()).isEqualTo("/problems/unknown-parameter");
        }
        assertThat(node.get(N + "/audit?effectiveTo=2025-05-20&recordedBefore=" + beforeTheNews).status())
                .isEqualTo(200);
        for (String parameter : List.of("limit", "waitFor", "recordedFrom", "effectiveTo")) {
            LedgerNode.Response mistyped = node.get("/api/audit?" + parameter + "=soon");
            assertThat(mistyped.status()).as(parameter).isEqualTo(400);
            assertThat(mistyped.json().get("type").asText()).isEqualTo("/problems/invalid-parameter");
            assertThat(mistyped.json().get("parameter").asText()).isEqualTo(parameter);
            assertThat(mistyped.json().get("detail").asText()).startsWith(parameter + " has the value 'soon', but must be");
        }
        LedgerNode.Response twice = node.get(N + "/audit?party=ua&party=ru");
        assertThat(twice.json().get("detail").asText()).contains("'party' is given more than once");
        assertThat(node.get(N + "/audit?type=MeetingHeld&type=StatementRecorded").status()).isEqualTo(200);
    }

    @Test
    void refusalsSayWhatAFieldMustBeInTheUsersWords() {
        LedgerNode.Response date = node.post(N + "/statements", """
                {"id":"x","partyId":"ua","topicId":"ceasefire","stance":"SUPPORTS","summary":"s","effectiveOn":5}""");
        LedgerNode.Response number = node.post(N + "/statements", """
                {"id":"x","partyId":"ua","topicId":"ceasefire","stance":"SUPPORTS","summary":"s",
                 "effectiveOn":"2025-06-01","offer":{"value":[1],"unit":"%"}}""");

        assertThat(date.json().get("detail").asText()).isEqualTo("field 'effectiveOn' must be a date like "
                + "2025-05-20, in the years 1 to 9999");
        assertThat(number.json().get("detail").asText()).startsWith("field 'offer.value' must be a number");
        assertThat(date.body() + number.body()).doesNotContain("BigDecimal", "LocalDate", "java.");
    }

    private static JsonNode cell(JsonNode matrix, String party, String topic) {
        for (JsonNode position : matrix.get("positions")) {
            if (position.get("partyId").asText().equals(party) && position.get("topicId").asText().equals(topic)) {
                return position;
            }
        }
        throw new AssertionError("no position of " + party + " on " + topic + " in " + matrix);
    }

    private static JsonNode delegate(JsonNode answer, String id) {
        for (JsonNode delegate : answer.get("delegates")) {
            if (delegate.get("id").asText().equals(id)) {
                return delegate;
            }
        }
        throw new AssertionError("no delegate " + id + " in " + answer);
    }

    private static String role(JsonNode answer, String party) {
        for (JsonNode listed : answer.get("parties")) {
            if (listed.get("id").asText().equals(party)) {
                return listed.get("role").asText();
            }
        }
        throw new AssertionError("no party " + party + " in " + answer);
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.get("id").asText()).toList();
    }

    private static String resource(String name) {
        try (InputStream in = SecondEditionOverHttpTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
