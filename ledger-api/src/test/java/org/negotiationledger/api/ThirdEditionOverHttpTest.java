package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model's third edition over real HTTP, as an analyst checks it: the Istanbul example, then
 * records with several graded sources, a report found later, and the matrix asked for
 * corroborated positions only. On PostgreSQL and on H2 (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ThirdEditionOverHttpTest {

    private static final String N = "/api/negotiations/ru-ua-2025";
    private static final String NV = """
            {"publisher":"NV","title":"Умеров: Украине нужны ПВО","url":"https://nv.ua/world/umerov-2025-06-27",
             "publishedOn":"2025-06-27","language":"ru","quote":"обмен «всех на всех»",
             "reliability":"B","credibility":2}""";
    private static final String TASS = """
            {"publisher":"TASS","url":"https://tass.ru/politika/24350001","publishedOn":"2025-06-28",
             "language":"ru","reliability":"C","credibility":3}""";
    private static final String TASS_AGAIN = """
            {"publisher":" tass ","url":"https://tass.ru/politika/24350002","publishedOn":"2025-06-28",
             "language":"ru"}""";

    private LedgerNode node;
    private long last;

    abstract Map<String, Object> database() throws IOException;

    @BeforeAll
    void record() throws Exception {
        node = LedgerNode.start(database());
        JsonNode example = node.importLines("?report=refused", IstanbulExampleTest.example()).json();
        assertThat(example.at("/summary/refused").asInt()).as(example.toString()).isZero();
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private LedgerNode.Response post(String path, String body) {
        LedgerNode.Response response = node.post(path, body);
        if (response.status() == 201) {
            last = response.json().get("position").asLong();
        }
        return response;
    }

    private JsonNode read(String path) {
        LedgerNode.Response response = node.get(path + (path.contains("?") ? "&" : "?") + "waitFor=" + last);
        assertThat(response.status()).as(path + " → " + response).isEqualTo(200);
        return response.json();
    }

    private JsonNode cell(JsonNode matrix, String partyId, String topicId) {
        for (JsonNode position : matrix.get("positions")) {
            if (position.get("partyId").asText().equals(partyId) && position.get("topicId").asText().equals(topicId)) {
                return position;
            }
        }
        return null;
    }

    @Test
    void aStatementShowsEveryReportWithItsGradesAndHowManyPublishersCorroborateIt() {
        assertThat(post(N + "/statements", """
                {"id":"ru-all-for-all","partyId":"ru","topicId":"prisoner-exchange","stance":"SUPPORTS",
                 "summary":"Russia supports an all-for-all exchange of the wounded and the young",
                 "effectiveOn":"2025-06-26","sources":[%s,%s,%s]}""".formatted(NV, TASS, TASS_AGAIN)).status())
                .isEqualTo(201);

        JsonNode entry = read(N + "/positions/ru/prisoner-exchange/history").at("/entries/0");
        assertThat(entry.get("sources")).hasSize(3);
        assertThat(entry.at("/sources/0/reliability").asText()).isEqualTo("B");
        assertThat(entry.at("/sources/0/credibility").asInt()).isEqualTo(2);
        assertThat(entry.at("/sources/1/publisher").asText()).isEqualTo("TASS");
        assertThat(entry.get("publishers").asInt()).as("TASS twice is one publisher").isEqualTo(2);
        assertThat(entry.at("/source/publisher").asText()).as("the first, for earlier clients").isEqualTo("NV");
        assertThat(cell(read(N + "/positions"), "ru", "prisoner-exchange").get("publishers").asInt()).isEqualTo(2);

        String csv = node.get(N + "/positions/ru/prisoner-exchange/history?format=csv").body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .endsWith(",publishers,sourceUrls,counterpartId,effectiveAt,links");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).endsWith(",2,https://nv.ua/world/umerov-2025-06-27;"
                + "https://tass.ru/politika/24350001;https://tass.ru/politika/24350002,,,");
    }

    @Test
    void theOneSourceOfEarlierReleasesIsStillTakenAndShownAsAListOfOne() {
        JsonNode entry = read(N + "/positions/ru/leaders-meeting/history").at("/entries/0");
        assertThat(entry.get("sources")).hasSize(1);
        assertThat(entry.at("/sources/0/publisher").asText()).startsWith("Ukrainian online news outlet");
        assertThat(entry.get("source")).isEqualTo(entry.at("/sources/0"));
        assertThat(entry.get("publishers").asInt()).isEqualTo(1);
    }

    @Test
    void aFrontPageABadGradeOrBothShapesOfSourceAreRefusedNamingTheFieldAndStoreNothing() {
        long before = node.eventCount();
        String statement = """
                {"id":"bad-source","partyId":"ua","topicId":"ceasefire","stance":"SUPPORTS","summary":"s",
                 "effectiveOn":"2025-06-01",%s}""";
        Map<String, String> refusals = Map.of(
                "\"sources\":[" + NV + ",{\"publisher\":\"NV\",\"url\":\"https://nv.ua/\"}]", "sources[1].url",
                "\"sources\":[{\"publisher\":\"NV\",\"reliability\":\"G\"}]", "sources[0].reliability",
                "\"sources\":[{\"publisher\":\"NV\",\"credibility\":7}]", "sources[0].credibility",
                "\"source\":" + NV + ",\"sources\":[" + TASS + "]", "source");
        refusals.forEach((sources, field) -> {
            LedgerNode.Response refused = post(N + "/statements", statement.formatted(sources));
            assertThat(refused.status()).as(sources).isEqualTo(400);
            assertThat(refused.headers().get("content-type").get(0)).startsWith("application/problem+json");
            assertThat(refused.json().at("/errors/0/field").asText()).as(refused.body()).isEqualTo(field);
        });
        assertThat(node.eventCount()).isEqualTo(before);
    }

    @Test
    void aReportFoundLaterCorroboratesAStatementAndTheMatrixCanAskForCorroboration() {
        assertThat(post(N + "/statements", """
                {"id":"ua-ceasefire-30","partyId":"ua","topicId":"ceasefire","stance":"PROPOSES",
                 "summary":"A ceasefire of 30 days","effectiveOn":"2025-06-27","sources":[%s]}""".formatted(NV))
                .status()).isEqualTo(201);
        JsonNode matrix = read(N + "/positions");
        assertThat(cell(matrix, "ua", "ceasefire").get("statementId").asText()).isEqualTo("ua-ceasefire-30");
        assertThat(cell(read(N + "/positions?minPublishers=2"), "ua", "ceasefire")).as("one outlet alone").isNull();
        assertThat(cell(read(N + "/positions?minPublishers=1"), "ua", "ceasefire").get("statementId").asText())
                .as("an earlier statement with one report").isEqualTo("ua-ceasefire-30");

        assertThat(post(N + "/statements/ua-ceasefire-30/corrections", """
                {"sources":[%s,%s],"reason":"TASS reported it the next day"}""".formatted(NV, TASS)).status())
                .isEqualTo(201);
        JsonNode corroborated = cell(read(N + "/positions?minPublishers=2"), "ua", "ceasefire");
        assertThat(corroborated.get("statementId").asText()).isEqualTo("ua-ceasefire-30");
        assertThat(corroborated.get("kind").asText()).isEqualTo("CORRECTED");
        assertThat(corroborated.get("publishers").asInt()).isEqualTo(2);
        JsonNode history = read(N + "/positions/ua/ceasefire/history").get("entries");
        List<Integer> publishers = history.findValues("publishers").stream().map(JsonNode::asInt).toList();
        assertThat(publishers).endsWith(1, 2);

        for (String bad : List.of("-1", "101", "two")) {
            LedgerNode.Response refused = node.get(N + "/positions?minPublishers=" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("parameter").asText()).isEqualTo("minPublishers");
        }
    }

    @Test
    void anOutcomeShowsItsSourcesAndSaysWhetherAMachineCodedIt() {
        assertThat(post(N + "/outcomes", """
                {"id":"bodies-agreed","kind":"AGREED","topicIds":["prisoner-exchange"],"partyIds":["ua","ru"],
                 "terms":"Bodies to be returned","reachedOn":"2025-06-02","sources":[%s,%s]}""".formatted(NV, TASS))
                .status()).isEqualTo(201);
        JsonNode outcome = null;
        for (JsonNode each : read(N + "/outcomes").get("outcomes")) {
            if (each.get("id").asText().equals("bodies-agreed")) {
                outcome = each;
            }
        }
        assertThat(outcome).isNotNull();
        assertThat(outcome.get("sources")).hasSize(2);
        assertThat(outcome.get("publishers").asInt()).isEqualTo(2);
        assertThat(outcome.get("machineCoded").asBoolean()).isFalse();
        String csv = node.get(N + "/outcomes?format=csv").body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .endsWith(",publishers,sourceUrls");
        assertThat(csv).contains(",2,https://nv.ua/world/umerov-2025-06-27;https://tass.ru/politika/24350001");

        LedgerNode.Response late = post(N + "/outcomes", """
                {"id":"late","kind":"AGREED","topicIds":["ceasefire"],"partyIds":["ua","ru"],
                 "terms":"t","reachedOn":"2025-06-29","sources":[%s]}""".formatted(NV));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().get("detail").asText())
                .isEqualTo("the date 2025-06-29 of outcome 'late' is after its first source was published on 2025-06-27");
    }

    @Test
    void theExampleGivesItsMeetingsExchangesStagesAndStatusesTheArticleAsTheirSource() {
        JsonNode istanbul = read(N + "/meetings").at("/meetings/0");
        assertThat(istanbul.get("id").asText()).isEqualTo("istanbul-1");
        assertThat(istanbul.at("/sources/0/quote").asText()).startsWith("16 мая в Стамбуле состоялась первая");
        assertThat(istanbul.get("publishers").asInt()).isEqualTo(1);
        JsonNode exchange = read(N + "/exchanges/pow-1000-for-1000");
        assertThat(exchange.get("publishers").asInt()).isEqualTo(1);
        assertThat(exchange.at("/agreement/sources/0/quote").asText()).contains("1000 на 1000");
        assertThat(exchange.get("stages")).allSatisfy(stage -> assertThat(stage.get("sources")).hasSize(1));
        JsonNode outcomes = read(N + "/outcomes?topicId=prisoner-exchange").get("outcomes");
        assertThat(outcomes.findValues("statuses").stream().flatMap(s -> java.util.stream.StreamSupport
                .stream(s.spliterator(), false)).toList())
                .isNotEmpty().allSatisfy(status -> assertThat(status.get("publishers").asInt()).isEqualTo(1));
        String csv = node.get(N + "/meetings?format=csv").body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .endsWith(",publishers,sourceUrls,retracted,retractionReason,machineCoded,batchId,endsOn,startsAt,"
                        + "endsAt,format");
    }

    @Test
    void aReportFoundLaterCorroboratesAMeetingAndIsTakenBackOnItsOwn() throws InterruptedException {
        String corroborations = N + "/meetings/istanbul-2/corroborations";
        Instant before = Instant.now();
        Thread.sleep(5);
        assertThat(post(corroborations, """
                {"id":"tass-istanbul-2","sources":[%s,%s]}""".formatted(TASS, TASS_AGAIN)).status()).isEqualTo(201);

        JsonNode meeting = meeting(read(N + "/meetings"), "istanbul-2");
        assertThat(meeting.get("sources")).hasSize(3);
        assertThat(meeting.get("publishers").asInt()).as("the article's and TASS, twice").isEqualTo(2);
        JsonNode corroboration = meeting.at("/corroborations/0");
        assertThat(corroboration.get("id").asText()).isEqualTo("tass-istanbul-2");
        assertThat(corroboration.get("sources")).hasSize(2);
        assertThat(corroboration.get("machineCoded").asBoolean()).isFalse();
        assertThat(corroboration.get("retracted").asBoolean()).isFalse();
        JsonNode known = meeting(read(N + "/meetings?knownAt=" + before), "istanbul-2");
        assertThat(known.get("sources")).hasSize(1);
        assertThat(known.get("corroborations")).isEmpty();
        assertThat(node.get(N + "/meetings?format=csv").body()).contains("https://tass.ru/politika/24350001");

        long events = node.eventCount();
        LedgerNode.Response none = post(corroborations, """
                {"id":"empty","sources":[]}""");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().at("/errors/0/field").asText()).isEqualTo("sources");
        LedgerNode.Response frontPage = post(corroborations, """
                {"id":"front","sources":[{"url":"https://tass.ru/"}]}""");
        assertThat(frontPage.status()).isEqualTo(400);
        assertThat(frontPage.json().at("/errors/0/field").asText()).isEqualTo("sources[0].url");
        LedgerNode.Response nowhere = post(N + "/meetings/nowhere/corroborations", """
                {"id":"tass","sources":[%s]}""".formatted(TASS));
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(nowhere.json().get("rule").asText()).isEqualTo("unknown-meeting");
        assertThat(node.eventCount()).isEqualTo(events);

        assertThat(post(corroborations + "/tass-istanbul-2/retraction", """
                {"reason":"the reports describe the first round"}""").status()).isEqualTo(201);
        JsonNode after = meeting(read(N + "/meetings"), "istanbul-2");
        assertThat(after.get("sources")).hasSize(1);
        assertThat(after.get("publishers").asInt()).isEqualTo(1);
        assertThat(after.at("/corroborations/0/retracted").asBoolean()).isTrue();
        assertThat(after.at("/corroborations/0/retractionReason").asText())
                .isEqualTo("the reports describe the first round");
        LedgerNode.Response unknown = post(corroborations + "/nothing/retraction", """
                {"reason":"r"}""");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("rule").asText()).isEqualTo("unknown-corroboration");
        assertThat(read(N + "/audit?type=MeetingCorroborated,CorroborationRetracted").get("entries")).hasSize(2);
    }

    @Test
    void theAuditTrailTakesAsOfAndKnownAtAsEveryViewDoes() throws InterruptedException {
        JsonNode all = read(N + "/audit?limit=1000").get("entries");
        JsonNode onTheFirstDay = read(N + "/audit?limit=1000&asOf=2025-05-16").get("entries");
        assertThat(onTheFirstDay.size()).isPositive().isLessThan(all.size());
        assertThat(onTheFirstDay).allSatisfy(entry -> assertThat(entry.get("effectiveOn").isNull()
                || entry.get("effectiveOn").asText().compareTo("2025-05-16") <= 0).isTrue());
        assertThat(onTheFirstDay).anySatisfy(entry -> assertThat(entry.get("effectiveOn").isNull()).isTrue());

        Instant before = Instant.now();
        Thread.sleep(5);
        assertThat(post(N + "/topics", """
                {"id":"audit-asof","title":"Audit asOf"}""").status()).isEqualTo(201);
        assertThat(read(N + "/audit?limit=1000&type=TopicAdded").toString()).contains("audit-asof");
        assertThat(read(N + "/audit?limit=1000&type=TopicAdded&knownAt=" + before).toString())
                .doesNotContain("audit-asof");
        LedgerNode.Response wrong = node.get(N + "/audit?asOf=16.05.2025");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("asOf");
    }

    @Test
    void anAgreementIsADocumentWithProvisionsTheOutcomeOnItsTopicsAndAgreesItsExchangeInOneEntry()
            throws InterruptedException {
        assertThat(post(N + "/exchanges", """
                {"id":"pow-84-for-84","kind":"PRISONERS","proposedBy":"ua","proposedOn":"2025-06-02",
                 "quantities":{"ua":84,"ru":84}}""").status()).isEqualTo(201);
        long events = node.eventCount();
        Instant before = Instant.now();
        Thread.sleep(5);
        String memorandum = """
                {"id":"istanbul-2-memorandum","title":"Memoranda exchanged at the second round",
                 "signedOn":"2025-06-02","stage":"FRAMEWORK","meetingId":"istanbul-2",
                 "signatories":[{"partyId":"ua","delegateId":"umerov"},{"partyId":"ru","delegateId":"medinsky"}],
                 "provisions":[
                   {"topicId":"prisoner-exchange","category":"prisoner release","text":"84 for 84",
                    "exchangeId":"pow-84-for-84"},
                   {"topicId":"ceasefire","category":"ceasefire","text":"each side sets out a ceasefire"}],
                 "sources":[%s]}""".formatted(NV);
        assertThat(post(N + "/agreements", memorandum).status()).isEqualTo(201);
        assertThat(node.eventCount()).as("the exchange's agreement and the agreement, in one entry")
                .isEqualTo(events + 2);
        assertThat(node.post(N + "/agreements", memorandum).status()).as("a repeat").isEqualTo(200);

        JsonNode agreement = read(N + "/agreements/istanbul-2-memorandum");
        assertThat(agreement.get("stage").asText()).isEqualTo("FRAMEWORK");
        assertThat(agreement.get("partyIds").toString()).isEqualTo("[\"ua\",\"ru\"]");
        assertThat(agreement.get("topicIds").toString()).isEqualTo("[\"prisoner-exchange\",\"ceasefire\"]");
        assertThat(agreement.at("/signatories/1/delegateId").asText()).isEqualTo("medinsky");
        assertThat(agreement.at("/provisions/0/exchangeId").asText()).isEqualTo("pow-84-for-84");
        assertThat(agreement.get("publishers").asInt()).isEqualTo(1);
        JsonNode exchange = read(N + "/exchanges/pow-84-for-84");
        assertThat(exchange.get("status").asText()).isEqualTo("AGREED");
        assertThat(exchange.at("/agreement/agreementId").asText()).isEqualTo("istanbul-2-memorandum");
        assertThat(exchange.at("/agreement/agreedOn").asText()).isEqualTo("2025-06-02");
        JsonNode onCeasefire = read(N + "/outcomes?topicId=ceasefire").get("outcomes");
        assertThat(onCeasefire.findValuesAsText("id")).contains("istanbul-2-memorandum");

        assertThat(post(N + "/outcomes/istanbul-2-memorandum/statuses", """
                {"status":"PARTLY_IMPLEMENTED","since":"2025-06-10","sources":[%s]}""".formatted(NV)).status())
                .isEqualTo(201);
        assertThat(read(N + "/agreements").at("/agreements/0/status").asText()).isEqualTo("PARTLY_IMPLEMENTED");
        assertThat(read(N + "/agreements?asOf=2025-06-01").get("agreements")).isEmpty();
        assertThat(read(N + "/agreements?knownAt=" + before).get("agreements")).isEmpty();
        assertThat(node.get(N + "/agreements/istanbul-2-memorandum?asOf=2025-06-01").status()).isEqualTo(404);
        String csv = node.get(N + "/agreements?format=csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("agreementId,title,signedOn,stage,signatories,");
        assertThat(csv).contains("ua=umerov;ru=medinsky", "prisoner-exchange: 84 for 84");

        long stored = node.eventCount();
        LedgerNode.Response oneSide = post(N + "/agreements", """
                {"id":"one-sided","title":"t","signedOn":"2025-06-02","stage":"CEASEFIRE",
                 "signatories":[{"partyId":"ua"}],"provisions":[{"topicId":"ceasefire","text":"t"}]}""");
        assertThat(oneSide.status()).isEqualTo(422);
        assertThat(oneSide.json().get("rule").asText()).isEqualTo("too-few-parties");
        LedgerNode.Response noProvisions = post(N + "/agreements", """
                {"id":"empty","title":"t","signedOn":"2025-06-02","stage":"CEASEFIRE",
                 "signatories":[{"partyId":"ua"},{"partyId":"ru"}],"provisions":[]}""");
        assertThat(noProvisions.status()).isEqualTo(400);
        assertThat(noProvisions.json().at("/errors/0/field").asText()).isEqualTo("provisions");
        LedgerNode.Response badStage = post(N + "/agreements", """
                {"id":"stage","title":"t","signedOn":"2025-06-02","stage":"TRUCE",
                 "signatories":[{"partyId":"ua"},{"partyId":"ru"}],"provisions":[{"topicId":"ceasefire","text":"t"}]}""");
        assertThat(badStage.status()).isEqualTo(400);
        assertThat(badStage.body()).contains("stage");
        assertThat(node.eventCount()).isEqualTo(stored);
    }

    @Test
    void aNegotiationClosesNamingTheAgreementItEndedWith() {
        String talks = openedWithTwoParties("signed-talks");
        assertThat(post(talks + "/topics", """
                {"id":"truce","title":"Truce"}""").status()).isEqualTo(201);
        assertThat(post(talks + "/agreements", """
                {"id":"accord","title":"Accord","signedOn":"2025-01-20","stage":"COMPREHENSIVE",
                 "signatories":[{"partyId":"a"},{"partyId":"b"}],
                 "provisions":[{"topicId":"truce","category":"ceasefire","text":"a lasting truce"}]}""").status())
                .isEqualTo(201);
        LedgerNode.Response suspended = post(talks + "/closure", """
                {"outcome":"SUSPENDED","closedOn":"2025-02-01","agreementId":"accord"}""");
        assertThat(suspended.status()).isEqualTo(422);
        assertThat(suspended.json().get("rule").asText()).isEqualTo("closing-agreement");
        assertThat(post(talks + "/closure", """
                {"outcome":"AGREEMENT","closedOn":"2025-02-01","agreementId":"accord"}""").status()).isEqualTo(201);

        JsonNode closed = read(talks);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("closingAgreementId").asText()).isEqualTo("accord");
        assertThat(read(talks + "?asOf=2025-01-31").get("closingAgreementId").isNull()).isTrue();
        assertThat(closed.at("/counts/outcomes").asInt()).as("the agreement is an outcome").isEqualTo(1);
    }

    @Test
    void topicsAndDelegatesHaveTheirDaysAndAMeetingItsDaysTimesAndFormat() {
        String talks = openedWithTwoParties("timed-talks");
        assertThat(post(talks + "/delegates", """
                {"id":"d","name":"D","partyId":"a","since":"2025-01-20"}""").status()).isEqualTo(201);
        assertThat(post(talks + "/topics", """
                {"id":"t1","title":"First"}""").status()).isEqualTo(201);
        assertThat(post(talks + "/topics", """
                {"id":"t2","title":"Second","addedOn":"2025-01-25"}""").status()).isEqualTo(201);
        assertThat(post(talks + "/meetings", """
                {"id":"round","heldOn":"2025-01-26","endsOn":"2025-01-27","startsAt":"10:30","endsAt":"18:00",
                 "format":"HYBRID","level":"DELEGATIONS","partyIds":["a","b"]}""").status()).isEqualTo(201);
        assertThat(post(talks + "/statements", """
                {"id":"s","partyId":"a","topicId":"t2","stance":"PROPOSES","summary":"s","meetingId":"round",
                 "effectiveOn":"2025-01-27"}""").status()).as("on the round's second day").isEqualTo(201);

        JsonNode early = read(talks + "?asOf=2025-01-15");
        assertThat(early.get("topics").findValuesAsText("id")).containsExactly("t1");
        assertThat(early.get("delegates")).isEmpty();
        assertThat(early.at("/counts/topics").asInt()).isEqualTo(1);
        JsonNode later = read(talks + "?asOf=2025-01-30");
        assertThat(later.get("topics").findValuesAsText("id")).containsExactly("t1", "t2");
        assertThat(later.at("/topics/1/addedOn").asText()).isEqualTo("2025-01-25");
        assertThat(later.at("/delegates/0/since").asText()).isEqualTo("2025-01-20");
        assertThat(read(talks + "/positions?asOf=2025-01-24").get("topics").findValuesAsText("id"))
                .containsExactly("t1");
        assertThat(read(talks + "/positions?asOf=2025-01-28").get("topics").findValuesAsText("id"))
                .containsExactly("t1", "t2");

        JsonNode round = meeting(read(talks + "/meetings"), "round");
        assertThat(List.of(round.get("endsOn").asText(), round.get("startsAt").asText(), round.get("endsAt").asText(),
                round.get("format").asText())).containsExactly("2025-01-27", "10:30:00", "18:00:00", "HYBRID");
        assertThat(round.at("/statements/0/statementId").asText()).isEqualTo("s");
        assertThat(node.get(talks + "/meetings?format=csv").body().lines().skip(1).findFirst().orElseThrow())
                .endsWith(",2025-01-27,10:30,18:00,HYBRID");

        long stored = node.eventCount();
        LedgerNode.Response backwards = post(talks + "/meetings", """
                {"id":"back","heldOn":"2025-01-26","endsOn":"2025-01-25","level":"DELEGATIONS","partyIds":["a","b"]}""");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().get("rule").asText()).isEqualTo("date-too-early");
        LedgerNode.Response phone = post(talks + "/meetings", """
                {"id":"phone","heldOn":"2025-01-26","format":"PHONE","level":"DELEGATIONS","partyIds":["a","b"]}""");
        assertThat(phone.status()).isEqualTo(400);
        assertThat(phone.body()).contains("format");
        LedgerNode.Response early2 = post(talks + "/topics", """
                {"id":"t3","title":"Third","addedOn":"2025-01-01"}""");
        assertThat(early2.status()).isEqualTo(422);
        assertThat(node.eventCount()).isEqualTo(stored);
    }

    @Test
    void theOfferGapConvertsUnitsOfADimensionAndSaysWhoConcededHowMuch() {
        String talks = openedWithTwoParties("truce-talks");
        assertThat(post(talks + "/topics", """
                {"id":"truce","title":"Truce"}""").status()).isEqualTo(201);
        String offer = """
                {"id":"%s","partyId":"%s","topicId":"truce","stance":"PROPOSES","summary":"a truce",
                 "effectiveOn":"%s","offer":%s}""";
        assertThat(post(talks + "/statements", offer.formatted("a-30-days", "a", "2025-01-12",
                "{\"value\":30,\"unit\":\"days\"}")).status()).isEqualTo(201);
        assertThat(post(talks + "/statements", offer.formatted("b-hours", "b", "2025-01-12",
                "{\"min\":24,\"max\":48,\"unit\":\"hours\"}")).status()).isEqualTo(201);
        assertThat(post(talks + "/statements", offer.formatted("b-10-days", "b", "2025-01-15",
                "{\"value\":10,\"unit\":\"Days\"}")).status()).isEqualTo(201);

        JsonNode pair = read(talks + "/offer-gaps?topicId=truce").at("/pairs/0");
        assertThat(pair.at("/points/0/gap").decimalValue()).isEqualByComparingTo("672");
        assertThat(pair.at("/points/0/unit").asText()).isEqualTo("hours");
        assertThat(pair.at("/points/1/gap").decimalValue()).as("30 days against 10").isEqualByComparingTo("20");
        assertThat(pair.at("/points/1/unit").asText()).isEqualTo("days");
        assertThat(pair.get("firstConceded").decimalValue()).isEqualByComparingTo("0");
        assertThat(pair.get("secondConceded").decimalValue()).as("from 48 hours to 240: 192 hours closed")
                .isEqualByComparingTo("192");
        assertThat(pair.get("concessionUnit").asText()).isEqualTo("hours");
    }

    @Test
    void aStatementAddressedToAPartyShowsInTheDyadicViewAndTheUndirectedCellKeepsItsMeaning() {
        String talks = openedWithTwoParties("directed-talks");
        assertThat(post(talks + "/parties", """
                {"id":"c","name":"c","role":"MEDIATOR"}""").status()).isEqualTo(201);
        assertThat(post(talks + "/topics", """
                {"id":"pows","title":"Prisoners"}""").status()).isEqualTo(201);
        String statement = """
                {"id":"%s","partyId":"a","topicId":"pows","stance":"%s","summary":"%s",
                 "effectiveOn":"%s","counterpartId":"%s"}""";
        assertThat(post(talks + "/statements", statement.formatted("a-to-b", "REJECTS", "no exchange with b",
                "2025-01-12", "b")).status()).isEqualTo(201);
        assertThat(post(talks + "/statements", statement.formatted("a-to-c", "SUPPORTS", "c may mediate",
                "2025-01-13", "c")).status()).isEqualTo(201);

        // The undirected cell is a's latest statement, whomever it was addressed to.
        JsonNode undirected = cell(read(talks + "/positions"), "a", "pows");
        assertThat(undirected.get("statementId").asText()).isEqualTo("a-to-c");
        assertThat(undirected.get("counterpartId").asText()).isEqualTo("c");
        // Towards b, a still rejects; towards c, it supports.
        JsonNode towardsB = read(talks + "/positions?counterpart=b");
        assertThat(towardsB.get("counterpartId").asText()).isEqualTo("b");
        assertThat(cell(towardsB, "a", "pows").get("stance").asText()).isEqualTo("REJECTS");
        assertThat(cell(read(talks + "/positions?counterpart=c"), "a", "pows").get("stance").asText())
                .isEqualTo("SUPPORTS");
        assertThat(read(talks + "/positions?counterpart=a").get("positions")).as("no one addressed a").isEmpty();
        assertThat(read(talks + "/positions?counterpart=c&asOf=2025-01-12").get("positions")).isEmpty();

        JsonNode dyads = read(talks + "/positions/dyads").get("positions");
        assertThat(dyads).hasSize(2);
        assertThat(List.of(dyads.get(0).get("counterpartId").asText(), dyads.get(0).get("stance").asText(),
                dyads.get(1).get("counterpartId").asText(), dyads.get(1).get("stance").asText()))
                .containsExactly("b", "REJECTS", "c", "SUPPORTS");
        assertThat(read(talks + "/positions/dyads?asOf=2025-01-12").get("positions")).hasSize(1);
        assertThat(node.get(talks + "/positions/dyads?format=csv&waitFor=" + last).body().lines().findFirst()
                .orElseThrow()).endsWith(",counterpartId,effectiveAt,links");

        JsonNode history = read(talks + "/positions/a/pows/history?counterpart=b").get("entries");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("statementId").asText()).isEqualTo("a-to-b");
        assertThat(read(talks + "/changes?from=2025-01-12&counterpart=c").get("changes")).hasSize(1);

        LedgerNode.Response nobody = node.get(talks + "/positions?counterpart=z");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.json().get("detail").asText()).contains("no party 'z' to be the counterpart");
        LedgerNode.Response itself = post(talks + "/statements", statement.formatted("a-to-a", "SUPPORTS",
                "a agrees with itself", "2025-01-13", "a"));
        assertThat(itself.status()).isEqualTo(422);
        assertThat(itself.json().get("detail").asText()).contains("addressed to party 'a', which makes it");
        assertThat(post(talks + "/statements", statement.formatted("a-to-z", "SUPPORTS", "z", "2025-01-13", "z"))
                .status()).isEqualTo(422);
        assertThat(read(talks + "/positions/a/pows/history").get("entries")).as("nothing stored").hasSize(2);
    }

    @Test
    void statementsOfOneDayAreDecidedByTheirTimeThenByHowManyPublishersReportThem() {
        String talks = openedWithTwoParties("same-day-talks");
        assertThat(post(talks + "/topics", """
                {"id":"truce","title":"Truce"}""").status()).isEqualTo(201);
        String statement = """
                {"id":"%s","partyId":"%s","topicId":"truce","stance":"%s","summary":"%s",
                 "effectiveOn":"2025-01-12"%s}""";
        // a said at three in the afternoon that it supports a truce; what it said at nine that morning
        // was recorded later, and does not decide the day.
        assertThat(post(talks + "/statements", statement.formatted("a-afternoon", "a", "SUPPORTS", "yes",
                ",\"effectiveAt\":\"15:00\"")).status()).isEqualTo(201);
        assertThat(post(talks + "/statements", statement.formatted("a-morning", "a", "REJECTS", "no",
                ",\"effectiveAt\":\"09:00\"")).status()).isEqualTo(201);
        // Of b's two statements without a time, the one two publishers report decides over a later
        // record with one.
        assertThat(post(talks + "/statements", statement.formatted("b-corroborated", "b", "PROPOSES", "talks",
                ",\"sources\":[" + NV + "," + TASS + "]")).status()).isEqualTo(201);
        assertThat(post(talks + "/statements", statement.formatted("b-single", "b", "REJECTS", "no talks",
                ",\"sources\":[" + TASS_AGAIN + "]")).status()).isEqualTo(201);

        JsonNode matrix = read(talks + "/positions");
        assertThat(cell(matrix, "a", "truce").get("statementId").asText()).isEqualTo("a-afternoon");
        assertThat(cell(matrix, "a", "truce").get("effectiveAt").asText()).isEqualTo("15:00:00");
        assertThat(cell(matrix, "b", "truce").get("statementId").asText()).isEqualTo("b-corroborated");
        // The history lists the day's statements in the order of their times.
        JsonNode history = read(talks + "/positions/a/truce/history").get("entries");
        assertThat(List.of(history.get(0).get("statementId").asText(), history.get(1).get("statementId").asText()))
                .containsExactly("a-morning", "a-afternoon");
    }

    @Test
    void aStatementLinksToATopicOrRecordAndTheLinkageViewSaysWhichTopicsHangTogether() {
        String talks = openedWithTwoParties("linked-talks");
        for (String topic : List.of("ceasefire", "prisoners", "bodies")) {
            assertThat(post(talks + "/topics", """
                    {"id":"%s","title":"%s"}""".formatted(topic, topic)).status()).isEqualTo(201);
        }
        String statement = """
                {"id":"%s","partyId":"%s","topicId":"%s","stance":"CONDITIONAL","summary":"%s",
                 "effectiveOn":"2025-01-12","links":%s}""";
        assertThat(post(talks + "/statements", statement.formatted("a-truce", "a", "ceasefire",
                "a truce only after the exchange", "[{\"kind\":\"ONLY_AFTER\",\"topicId\":\"prisoners\"}]"))
                .status()).isEqualTo(201);
        assertThat(post(talks + "/statements", statement.formatted("b-exchange", "b", "prisoners",
                "the exchange in return for the truce", "[{\"kind\":\"IN_RETURN_FOR\",\"recordId\":\"a-truce\"}]"))
                .status()).isEqualTo(201);

        LedgerNode.Response unknown = post(talks + "/statements", statement.formatted("x", "a", "bodies", "x",
                "[{\"kind\":\"IF\",\"recordId\":\"no-such-record\"}]"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asText()).contains("links to 'no-such-record', which is no other "
                + "statement, meeting or exchange");
        assertThat(post(talks + "/statements", statement.formatted("x", "a", "bodies", "x", "[{\"kind\":\"IF\"}]"))
                .json().get("detail").asText()).contains("names neither a topicId nor a recordId");
        LedgerNode.Response badKind = post(talks + "/statements", statement.formatted("x", "a", "bodies", "x",
                "[{\"kind\":\"MAYBE\",\"topicId\":\"ceasefire\"}]"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body()).contains("kind");

        JsonNode history = read(talks + "/positions/a/ceasefire/history").at("/entries/0/links/0");
        assertThat(List.of(history.get("kind").asText(), history.get("topicId").asText()))
                .containsExactly("ONLY_AFTER", "prisoners");
        JsonNode linkage = read(talks + "/linkage");
        assertThat(linkage.get("links")).hasSize(2);
        assertThat(linkage.at("/links/1/linkedRecordId").asText()).isEqualTo("a-truce");
        assertThat(linkage.at("/linkedTopics/0/topicId").asText()).isEqualTo("ceasefire");
        assertThat(linkage.at("/linkedTopics/0/linkedTopicIds").toString()).isEqualTo("[\"prisoners\"]");
        assertThat(node.get(talks + "/linkage?format=csv&waitFor=" + last).body()).startsWith(
                "statementId,partyId,topicId,effectiveOn,kind,linkedTopicId,linkedRecordId")
                .contains("a-truce,a,ceasefire,2025-01-12,ONLY_AFTER,prisoners,");

        // Retracted, a statement's links no longer count.
        assertThat(post(talks + "/statements/a-truce/retraction", """
                {"reason":"misreported"}""").status()).isEqualTo(201);
        assertThat(read(talks + "/linkage").get("links")).hasSize(1);
        assertThat(read(talks + "/linkage").get("linkedTopics")).isEmpty();
    }

    @Test
    void aPackageStandsOpenUntilEveryTopicInItIsAgreed() {
        String talks = openedWithTwoParties("package-talks");
        for (String topic : List.of("prisoners", "bodies", "ceasefire")) {
            assertThat(post(talks + "/topics", """
                    {"id":"%s","title":"%s"}""".formatted(topic, topic)).status()).isEqualTo(201);
        }
        assertThat(post(talks + "/packages", """
                {"id":"humanitarian","title":"Prisoners and bodies together","topicIds":["prisoners","bodies"],
                 "proposedBy":"a","proposedOn":"2025-01-13","terms":"nothing is agreed until everything is agreed",
                 "sources":[%s]}""".formatted(TASS)).status()).isEqualTo(201);
        LedgerNode.Response single = post(talks + "/packages", """
                {"id":"one","title":"One","topicIds":["bodies"],"proposedOn":"2025-01-13"}""");
        assertThat(single.status()).isEqualTo(422);
        assertThat(single.json().get("detail").asText()).contains("must group at least two distinct topics");

        JsonNode open = read(talks + "/packages").at("/packages/0");
        assertThat(open.get("status").asText()).isEqualTo("OPEN");
        assertThat(open.get("openTopicIds").toString()).isEqualTo("[\"prisoners\",\"bodies\"]");
        assertThat(open.get("publishers").asInt()).isEqualTo(1);

        String outcome = """
                {"id":"%s","kind":"AGREED","topicIds":["%s"],"partyIds":["a","b"],"terms":"%s","reachedOn":"%s"}""";
        assertThat(post(talks + "/outcomes", outcome.formatted("o-prisoners", "prisoners", "84 for 84",
                "2025-01-14")).status()).isEqualTo(201);
        JsonNode half = read(talks + "/packages?status=OPEN").at("/packages/0");
        assertThat(half.get("agreedTopicIds").toString()).isEqualTo("[\"prisoners\"]");
        assertThat(half.get("openTopicIds").toString()).isEqualTo("[\"bodies\"]");
        assertThat(post(talks + "/outcomes", outcome.formatted("o-bodies", "bodies", "6,000 bodies",
                "2025-01-15")).status()).isEqualTo(201);
        assertThat(read(talks + "/packages").at("/packages/0/status").asText()).isEqualTo("AGREED");
        assertThat(read(talks + "/packages?status=OPEN").get("packages")).isEmpty();
        assertThat(read(talks + "/packages?asOf=2025-01-14").at("/packages/0/status").asText()).isEqualTo("OPEN");
        assertThat(read(talks + "/packages?asOf=2025-01-12").get("packages")).as("not yet proposed").isEmpty();
        assertThat(read(talks + "/linkage").at("/linkedTopics/0/linkedTopicIds").toString())
                .as("a package links its topics").isEqualTo("[\"bodies\"]");
        assertThat(node.get(talks + "/packages?format=csv&waitFor=" + last).body().lines().skip(1).findFirst()
                .orElseThrow()).startsWith("humanitarian,Prisoners and bodies together,prisoners;bodies,a,2025-01-13,")
                .contains(",AGREED,");
        assertThat(node.get(talks + "/packages?status=SOMETIMES").status()).isEqualTo(400);
    }

    @Test
    void anAgreementSetsUpABodyThatOutlivesTheTalksUntilItIsDissolved() {
        String talks = openedWithTwoParties("body-talks");
        assertThat(post(talks + "/topics", """
                {"id":"prisoners","title":"Prisoners"}""").status()).isEqualTo(201);
        assertThat(post(talks + "/agreements", """
                {"id":"memo","title":"Memorandum","signedOn":"2025-01-12","stage":"FRAMEWORK",
                 "signatories":[{"partyId":"a"},{"partyId":"b"}],
                 "provisions":[{"topicId":"prisoners","text":"a joint group prepares the exchanges"}]}""").status())
                .isEqualTo(201);
        String body = """
                {"id":"%s","name":"Joint working group","kind":"WORKING_GROUP","mandate":"prepares each exchange",
                 "createdOn":"%s","members":%s,"topicIds":["prisoners"],"agreementId":"memo","sources":[%s]}""";
        assertThat(post(talks + "/bodies", body.formatted("group", "2025-01-13",
                "[{\"partyId\":\"a\",\"role\":\"chair\"},{\"partyId\":\"b\"}]", TASS)).status())
                .isEqualTo(201);
        LedgerNode.Response early = post(talks + "/bodies", body.formatted("early", "2025-01-11",
                "[{\"partyId\":\"a\"}]", TASS));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("detail").asText()).contains("before the agreement was signed");
        assertThat(post(talks + "/bodies", body.formatted("nobody", "2025-01-13", "[]", TASS)).status())
                .as("a body without members").isEqualTo(400);

        JsonNode group = read(talks + "/bodies").at("/bodies/0");
        assertThat(List.of(group.get("kind").asText(), group.get("agreementId").asText(), group.at("/members/0/role")
                .asText(), String.valueOf(group.get("active").asBoolean()))).containsExactly("WORKING_GROUP", "memo",
                "chair", "true");
        assertThat(read(talks + "/bodies?asOf=2025-01-12").get("bodies")).as("not yet created").isEmpty();

        // The talks close; the group goes on, and is dissolved later.
        assertThat(post(talks + "/closure", """
                {"outcome":"AGREEMENT","closedOn":"2025-01-14","agreementId":"memo"}""").status()).isEqualTo(201);
        assertThat(post(talks + "/bodies/group/dissolution", """
                {"dissolvedOn":"2025-01-20","reason":"the exchanges were carried out","sources":[%s]}"""
                .formatted(TASS)).status()).isEqualTo(201);
        JsonNode dissolved = read(talks + "/bodies").at("/bodies/0");
        assertThat(dissolved.get("active").asBoolean()).isFalse();
        assertThat(dissolved.get("dissolvedOn").asText()).isEqualTo("2025-01-20");
        assertThat(read(talks + "/bodies?asOf=2025-01-19&active=true").get("bodies")).hasSize(1);
        assertThat(read(talks + "/bodies?active=true").get("bodies")).isEmpty();
        assertThat(read(talks + "/bodies?partyId=b").get("bodies")).hasSize(1);
        LedgerNode.Response again = post(talks + "/bodies/group/dissolution", """
                {"dissolvedOn":"2025-01-21"}""");
        assertThat(again.status()).isEqualTo(422);
        assertThat(post(talks + "/bodies/ghost/dissolution", """
                {"dissolvedOn":"2025-01-21"}""").json().get("detail").asText())
                .contains("body 'ghost' does not exist");
        assertThat(node.get(talks + "/bodies?format=csv&waitFor=" + last).body().lines().skip(1).findFirst()
                .orElseThrow()).startsWith("group,Joint working group,WORKING_GROUP,prepares each exchange,2025-01-13,"
                + "a (chair);b,prisoners,memo,,false,2025-01-20,the exchanges were carried out,");
    }

    @Test
    void contestedFiguresOfAnExchangeStandSideBySideWithTheirSourcesNeverAveraged() {
        String talks = openedWithTwoParties("contested-talks");
        assertThat(post(talks + "/exchanges", """
                {"id":"pows","kind":"PRISONERS","proposedBy":"a","proposedOn":"2025-01-12",
                 "quantities":{"a":1000,"b":1000}}""").status()).isEqualTo(201);
        String account = """
                {"id":"%s","recordId":"%s","field":"released","value":%s,"unit":"prisoners","reportedBy":"%s",
                 "sources":[%s]}""";
        assertThat(post(talks + "/accounts", account.formatted("a-says", "pows", "1200", "a", NV)).status())
                .isEqualTo(201);
        assertThat(post(talks + "/accounts", account.formatted("b-says", "pows", "1000", "b", TASS)).status())
                .isEqualTo(201);
        LedgerNode.Response nowhere = post(talks + "/accounts", account.formatted("x", "nothing", "1", "a", TASS));
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(nowhere.json().get("detail").asText()).contains("concerns 'nothing', which is no statement");
        assertThat(post(talks + "/accounts", """
                {"id":"y","recordId":"pows","value":1,"sources":[]}""").status()).as("no source").isEqualTo(400);

        JsonNode contested = read(talks + "/accounts").at("/records/0");
        assertThat(List.of(contested.get("recordKind").asText(), contested.get("field").asText(),
                String.valueOf(contested.get("differ").asBoolean()))).containsExactly("EXCHANGE", "released", "true");
        assertThat(List.of(contested.at("/accounts/0/value").asText(), contested.at("/accounts/0/reportedBy").asText(),
                contested.at("/accounts/0/sources/0/publisher").asText(), contested.at("/accounts/1/value").asText(),
                contested.at("/accounts/1/sources/0/publisher").asText()))
                .containsExactly("1200", "a", "NV", "1000", "TASS");
        assertThat(node.get(talks + "/accounts?format=csv&waitFor=" + last).body().lines().skip(1).findFirst()
                .orElseThrow()).startsWith("pows,EXCHANGE,2025-01-12,released,true,a-says,,1200,prisoners,a,");

        // Taken back, an account stays listed, and the figures no longer differ.
        assertThat(post(talks + "/accounts/a-says/retraction", """
                {"reason":"a corrected its count"}""").status()).isEqualTo(201);
        JsonNode after = read(talks + "/accounts?recordId=pows").at("/records/0");
        assertThat(after.get("differ").asBoolean()).isFalse();
        assertThat(after.at("/accounts/0/retracted").asBoolean()).isTrue();
        assertThat(after.at("/accounts/0/retractionReason").asText()).isEqualTo("a corrected its count");
        assertThat(read(talks + "/accounts?asOf=2025-01-11").get("records")).isEmpty();
    }

    /** A negotiation of its own, opened on 10 January 2025, with parties a and b: its path. */
    private String openedWithTwoParties(String id) {
        assertThat(post("/api/negotiations", """
                {"id":"%s","title":"%s","openedOn":"2025-01-10"}""".formatted(id, id)).status()).isEqualTo(201);
        for (String party : List.of("a", "b")) {
            assertThat(post("/api/negotiations/" + id + "/parties", """
                    {"id":"%s","name":"%s","role":"PARTY"}""".formatted(party, party)).status()).isEqualTo(201);
        }
        return "/api/negotiations/" + id;
    }

    private static JsonNode meeting(JsonNode timeline, String id) {
        for (JsonNode meeting : timeline.get("meetings")) {
            if (meeting.get("id").asText().equals(id)) {
                return meeting;
            }
        }
        throw new AssertionError("no meeting " + id + " in " + timeline);
    }

    @Test
    void aStageCannotHappenAfterItsFirstReportNorCiteAFrontPage() {
        assertThat(post(N + "/exchanges", """
                {"id":"bodies-6000","kind":"BODIES","proposedBy":"ru","proposedOn":"2025-06-02",
                 "quantities":{"ru":6000},"sources":[%s]}""".formatted(NV)).status()).isEqualTo(201);
        assertThat(post(N + "/exchanges/bodies-6000/agreements", """
                {"partyIds":["ru","ua"],"agreedOn":"2025-06-02","sources":[%s,%s]}""".formatted(NV, TASS))
                .status()).isEqualTo(201);
        LedgerNode.Response late = post(N + "/exchanges/bodies-6000/executions", """
                {"stage":1,"executedOn":"2025-06-28","released":{"ru":1212},"sources":[%s]}""".formatted(NV));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().get("detail").asText()).isEqualTo("the date 2025-06-28 of stage 1 of exchange "
                + "'bodies-6000' is after its first source was published on 2025-06-27");
        LedgerNode.Response frontPage = post(N + "/meetings", """
                {"id":"m-front","heldOn":"2025-06-20","level":"TECHNICAL","partyIds":["ua","ru"],
                 "sources":[{"url":"https://tass.ru/"}]}""");
        assertThat(frontPage.status()).isEqualTo(400);
        assertThat(frontPage.json().at("/errors/0/field").asText()).isEqualTo("sources[0].url");

        JsonNode agreement = read(N + "/exchanges/bodies-6000").get("agreement");
        assertThat(agreement.get("publishers").asInt()).isEqualTo(2);
        assertThat(read(N + "/exchanges/bodies-6000").get("sources")).hasSize(1);
    }

    @Test
    void aClosedNegotiationStillTakesARetractionWithItsReason() {
        String talks = "/api/negotiations/closed-talks";
        assertThat(post("/api/negotiations", """
                {"id":"closed-talks","title":"Closed talks","openedOn":"2025-01-10"}""").status()).isEqualTo(201);
        assertThat(post(talks + "/parties", """
                {"id":"a","name":"A","role":"PARTY"}""").status()).isEqualTo(201);
        assertThat(post(talks + "/topics", """
                {"id":"t","title":"T"}""").status()).isEqualTo(201);
        assertThat(post(talks + "/statements", """
                {"id":"s","partyId":"a","topicId":"t","stance":"SUPPORTS","summary":"s","effectiveOn":"2025-01-12"}""")
                .status()).isEqualTo(201);
        assertThat(post(talks + "/closure", """
                {"outcome":"SUSPENDED","closedOn":"2025-02-01"}""").status()).isEqualTo(201);

        assertThat(post(talks + "/statements/s/retraction", """
                {"reason":"the quote was fabricated"}""").status()).isEqualTo(201);
        JsonNode retraction = read(talks + "/positions/a/t/history").at("/entries/1");
        assertThat(retraction.get("kind").asText()).isEqualTo("RETRACTED");
        assertThat(retraction.get("reason").asText()).isEqualTo("the quote was fabricated");
        LedgerNode.Response more = post(talks + "/statements", """
                {"id":"s2","partyId":"a","topicId":"t","stance":"SUPPORTS","summary":"s","effectiveOn":"2025-01-13"}""");
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.json().get("rule").asText()).isEqualTo("negotiation-closed");
    }
}
