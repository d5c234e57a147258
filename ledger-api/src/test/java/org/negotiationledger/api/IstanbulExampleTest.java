package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped example, examples/ru-ua-2025, imported over HTTP into PostgreSQL, tells the story of
 * the article it was taken from.
 */
class IstanbulExampleTest {

    static final Path EXAMPLE = Path.of("..", "examples", "ru-ua-2025", "commands.jsonl");
    private static final String N = "/api/negotiations/ru-ua-2025";
    private static LedgerNode node;
    private static JsonNode firstImport;

    @BeforeAll
    static void importTheExample() {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_example_it"));
        firstImport = summary(node.as(LedgerNode.RECORDER).importLines("", example()));
        node.awaitViews();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    static String example() {
        try {
            return Files.readString(EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException("the example is missing", e);
        }
    }

    private static JsonNode summary(LedgerNode.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> lines = response.jsonLines();
        return lines.get(lines.size() - 1).get("summary");
    }

    private static JsonNode cell(JsonNode matrix, String party, String topic) {
        for (JsonNode position : matrix.get("positions")) {
            if (position.get("partyId").asText().equals(party) && position.get("topicId").asText().equals(topic)) {
                return position;
            }
        }
        return null;
    }

    @Test
    void everyLineOfTheExampleIsAccepted() {
        long lines = example().lines().filter(line -> !line.isBlank()).count();

        assertThat(firstImport.get("lines").asLong()).isEqualTo(lines);
        assertThat(firstImport.get("accepted").asLong()).isEqualTo(lines);
        assertThat(firstImport.get("refused").asLong()).isZero();
    }

    @Test
    void theThousandForAThousandExchangeWasAgreedOnMay16AndCompletedOnMay25() {
        JsonNode exchange = node.get(N + "/exchanges/pow-1000-for-1000").json();

        assertThat(exchange.at("/agreement/agreedOn").asText()).isEqualTo("2025-05-16");
        assertThat(exchange.at("/agreement/meetingId").asText()).isEqualTo("istanbul-1");
        assertThat(exchange.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(exchange.get("completedOn").asText()).isEqualTo("2025-05-25");
        assertThat(exchange.at("/totals/ua").asInt()).isEqualTo(1000);
        assertThat(exchange.at("/totals/ru").asInt()).isEqualTo(1000);
        assertThat(exchange.get("stages")).extracting(s -> s.get("executedOn").asText())
                .containsExactly("2025-05-23", "2025-05-24", "2025-05-25");
    }

    @Test
    void theAllForAllExchangeWasAgreedOnJune2ForThreeCategoriesAndNotCarriedOut() {
        JsonNode exchange = node.get(N + "/exchanges/pow-all-for-all").json();

        assertThat(exchange.at("/agreement/agreedOn").asText()).isEqualTo("2025-06-02");
        assertThat(exchange.at("/terms/allForAll").asBoolean()).isTrue();
        assertThat(exchange.at("/terms/categories")).extracting(JsonNode::asText)
                .containsExactly("seriously ill", "wounded", "prisoners under 25");
        assertThat(exchange.get("status").asText()).isEqualTo("AGREED");
        assertThat(exchange.get("stages")).isEmpty();
        assertThat(exchange.get("note").asText()).contains("does not say which side proposed it");
    }

    @Test
    void twoMeetingsInIstanbulMediatedByTurkey() {
        JsonNode meetings = node.get(N + "/meetings").json().get("meetings");

        assertThat(meetings).extracting(m -> m.get("heldOn").asText() + " " + m.get("location").asText() + " "
                + m.get("mediatorIds")).containsExactly("2025-05-16 Istanbul [\"tr\"]", "2025-06-02 Istanbul [\"tr\"]");
        JsonNode overview = node.get(N).json();
        assertThat(overview.get("parties")).extracting(p -> p.get("id").asText() + " " + p.get("role").asText())
                .contains("tr MEDIATOR", "us OBSERVER");
    }

    @Test
    void onMay16TheSidesDidNotComeToAgreementOnACeasefire() {
        JsonNode ceasefire = node.get(N + "/outcomes?topicId=ceasefire").json().get("outcomes");

        assertThat(ceasefire).singleElement().satisfies(outcome -> {
            assertThat(outcome.get("kind").asText()).isEqualTo("NOT_AGREED");
            assertThat(outcome.get("reachedOn").asText()).isEqualTo("2025-05-16");
            assertThat(outcome.get("meetingId").asText()).isEqualTo("istanbul-1");
            assertThat(outcome.at("/source/quote").asText()).contains("не пришли к согласию");
        });
        JsonNode exchanges = node.get(N + "/outcomes?topicId=prisoner-exchange").json().get("outcomes");
        assertThat(exchanges).extracting(o -> o.get("id").asText() + " " + o.get("status").asText())
                .containsExactly("pow-1000-for-1000-agreed IMPLEMENTED", "all-for-all-agreed null");
        assertThat(node.get(N + "/positions").json().get("outcomes"))
                .extracting(o -> o.get("topicId").asText() + " " + o.get("kind").asText())
                .containsExactly("ceasefire NOT_AGREED", "prisoner-exchange AGREED");
    }

    @Test
    void theFirstMeetingListsWhatRussiaDidThere() {
        JsonNode first = node.get(N + "/meetings").json().at("/meetings/0");

        assertThat(first.get("statements")).extracting(said -> said.get("statementId").asText())
                .containsExactly("russia-sends-low-level-delegation");
    }

    @Test
    void ukraineSupportsALongCeasefireAndAnExchangeOfAllForAll() {
        JsonNode matrix = node.get(N + "/positions").json();

        JsonNode ceasefire = cell(matrix, "ua", "ceasefire");
        assertThat(ceasefire.get("stance").asText()).isEqualTo("SUPPORTS");
        assertThat(ceasefire.get("summary").asText()).contains("long-lasting ceasefire");
        assertThat(ceasefire.get("delegateId").asText()).isEqualTo("umerov");
        JsonNode exchange = cell(matrix, "ua", "prisoner-exchange");
        assertThat(exchange.get("stance").asText()).isEqualTo("SUPPORTS");
        assertThat(exchange.get("summary").asText()).contains("all for all");
        JsonNode history = node.get(N + "/positions/ua/ceasefire/history").json();
        assertThat(history.at("/entries/0/source/language").asText()).isEqualTo("ru");
        assertThat(history.at("/entries/0/source/quote").asText()).contains("длительного прекращения огня");
        assertThat(history.at("/entries/0/source/publishedOn").asText()).isEqualTo("2025-06-27");
    }

    @Test
    void russiaWantsALeadersMeetingOnlyAtTheFinalStageAndDeniesTheSignatorysLegitimacy() {
        JsonNode matrix = node.get(N + "/positions").json();

        JsonNode meeting = cell(matrix, "ru", "leaders-meeting");
        assertThat(meeting.get("stance").asText()).isEqualTo("CONDITIONAL");
        assertThat(meeting.get("conditions").asText()).contains("final stage");
        assertThat(meeting.get("effectiveOn").asText()).isEqualTo("2025-06-18");
        assertThat(meeting.get("delegateId").asText()).isEqualTo("putin");
        JsonNode legitimacy = cell(matrix, "ru", "signatory-legitimacy");
        assertThat(legitimacy.get("stance").asText()).isEqualTo("REJECTS");
    }

    @Test
    void onMay20ThePositionsOnALeadersMeetingWereOtherThanToday() {
        JsonNode then = node.get(N + "/positions?asOf=2025-05-20").json();
        JsonNode now = node.get(N + "/positions").json();

        assertThat(cell(then, "ua", "leaders-meeting").get("stance").asText()).isEqualTo("PROPOSES");
        assertThat(cell(then, "ru", "leaders-meeting").get("stance").asText()).isEqualTo("REJECTS");
        assertThat(cell(then, "ua", "ceasefire")).isNull();
        assertThat(cell(now, "ua", "leaders-meeting").get("stance").asText()).isEqualTo("SUPPORTS");
        assertThat(cell(now, "ru", "leaders-meeting").get("stance").asText()).isEqualTo("CONDITIONAL");
        List<String> moved = new ArrayList<>();
        node.get(N + "/changes?from=2025-05-20").json().get("changes")
                .forEach(change -> moved.add(change.get("partyId").asText() + "/" + change.get("topicId").asText()));
        assertThat(moved).contains("ua/leaders-meeting", "ru/leaders-meeting", "ua/ceasefire");
    }

    @Test
    void importingTheExampleAgainChangesNothing() {
        long events = node.eventCount();

        JsonNode again = summary(node.as(LedgerNode.RECORDER).importLines("", example()));

        assertThat(again.get("repeated").asLong()).isEqualTo(firstImport.get("lines").asLong());
        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(node.eventCount()).isEqualTo(events);
        assertThat(node.get(N + "/verify").json().get("intact").asBoolean()).isTrue();
    }
}
