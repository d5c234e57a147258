package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event data imported over HTTP into negotiations on PostgreSQL: the public GDELT 1.0 and ICEWS
 * samples, read with a mapping, checked row by row against what the ledger then shows.
 */
class EventDataImportTest {

    private static LedgerNode node;
    private static LedgerNode recorder;

    /** Russia and Ukraine as the shipped mapping has them, and Israel, whose agreement with Russia the sample holds. */
    static final String RU_UA_IL = """
            {
              "parties": [
                {"party": "ru", "name": "Russia", "match": [
                  {"name": "Russia"}, {"country": "Russian Federation", "sectors": ["Government", "Military"]}]},
                {"party": "ua", "name": "Ukraine", "match": [
                  {"name": "Ukraine"}, {"country": "Ukraine", "sectors": ["Government", "Military"]}]},
                {"party": "il", "name": "Israel", "match": [
                  {"name": "Israel"}, {"country": "Israel", "sectors": ["Government"]}]}
              ]
            }""";

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_event_data_it"));
        recorder = node.as(LedgerNode.RECORDER);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    static byte[] sample(String name) {
        try (InputStream in = EventDataImportTest.class.getResourceAsStream("/eventdata/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void open(String negotiation, String openedOn) {
        assertThat(recorder.post("/api/negotiations", """
                {"id":"%s","title":"Event data","openedOn":"%s"}""".formatted(negotiation, openedOn)).status())
                .isEqualTo(201);
    }

    private static LedgerNode.Response importFile(String negotiation, String query, byte[] file, String mapping) {
        Map<String, byte[]> form = new LinkedHashMap<>();
        form.put("file", file);
        if (mapping != null) {
            form.put("mapping", mapping.getBytes(StandardCharsets.UTF_8));
        }
        return recorder.postForm("/api/negotiations/" + negotiation + "/event-data" + query, form);
    }

    private static long events(String negotiation) {
        return node.jdbc().queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, negotiation);
    }

    /** The versions of a party's statements on a topic, once the view has everything. */
    private static List<JsonNode> history(String negotiation, String party, String query) {
        JsonNode history = recorder.get("/api/negotiations/" + negotiation + "/positions/" + party
                + "/relations/history?waitFor=" + head() + query).json();
        return StreamSupport.stream(history.get("entries").spliterator(), false).toList();
    }

    private static long head() {
        return node.jdbc().queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
    }

    private static JsonNode withEvent(List<JsonNode> entries, String eventId) {
        return entries.stream().filter(entry -> entry.path("coding").path("eventIds").toString()
                .contains("\"" + eventId + "\"")).findFirst().orElseThrow(() -> new AssertionError(eventId));
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    @Test
    void aGdeltRowBecomesAStatementWithNothingOfTheRowLost() {
        open("us-ru-2016", "2016-01-01");
        LedgerNode.Response answer = importFile("us-ru-2016", "?dataset=gdelt1",
                sample("gdelt1_20160728_sample_events.tsv"), """
                        {"parties": [
                          {"party": "us", "name": "United States", "match": [{"country": "USA"}]},
                          {"party": "ru", "name": "Russia", "match": [{"country": "RUS"}]}
                        ]}""");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.get("rows").asLong()).isEqualTo(710);
        assertThat(report.get("rowsUsed").asLong()).isEqualTo(3);
        assertThat(report.get("records").asLong()).isEqualTo(3);
        assertThat(report.get("recorded").asLong()).isEqualTo(3);
        assertThat(report.get("refused")).isEmpty();
        long skipped = 0;
        for (JsonNode count : report.get("skipped")) {
            skipped += count.asLong();
        }
        assertThat(skipped).isEqualTo(707);
        assertThat(report.get("skipped").get("the source actor is none of the parties").asLong()).isPositive();
        assertThat(report.get("counts").get("byStance").toString())
                .isEqualTo("{\"OPPOSES\":1,\"PROPOSES\":1,\"SUPPORTS\":1}");

        // GLOBALEVENTID 564157307: the United States praise Russia (051) on 28 July 2016.
        JsonNode praise = withEvent(history("us-ru-2016", "us", ""), "564157307");
        assertThat(praise.get("stance").asText()).isEqualTo("SUPPORTS");
        assertThat(praise.get("effectiveOn").asText()).isEqualTo("2016-07-28");
        assertThat(praise.get("machineCoded").asBoolean()).isTrue();
        assertThat(praise.get("summary").asText()).isEqualTo("Praise or endorse (CAMEO 051) towards Russia; "
                + "machine-coded by GDELT 1.0 from 1 row");
        assertThat(praise.get("source").get("url").asText())
                .startsWith("http://www.santacruzsentinel.com/government-and-politics/20160727/");
        JsonNode coding = praise.get("coding");
        assertThat(coding.get("dataset").asText()).isEqualTo("gdelt1");
        assertThat(coding.get("cameoCode").asText()).isEqualTo("051");
        assertThat(coding.get("quadClass").asInt()).isEqualTo(1);
        assertThat(coding.get("goldstein").decimalValue()).isEqualByComparingTo("3.4");
        assertThat(coding.get("tone").decimalValue()).isEqualByComparingTo("-3.95217");
        assertThat(List.of(coding.get("mentions").asInt(), coding.get("sources").asInt(),
                coding.get("articles").asInt())).containsExactly(5, 4, 5);
        assertThat(coding.get("targetPartyId").asText()).isEqualTo("ru");
        assertThat(coding.get("actors").get(0).get("code").asText()).isEqualTo("USA");
        assertThat(coding.get("actors").get(0).get("name").asText()).isEqualTo("UNITED STATES");
        assertThat(coding.get("targets").get(0).get("name").asText()).isEqualTo("RUSSIA");
        assertThat(coding.get("batchId").asText()).isEqualTo(report.get("batchId").asText());
        assertThat(coding.get("place").asText()).isEqualTo("Russia");
        assertThat(List.of(coding.get("latitude").asInt(), coding.get("longitude").asInt())).containsExactly(60, 100);

        // The audit trail holds the coding as stored.
        assertThat(recorder.get("/api/negotiations/us-ru-2016/audit").body())
                .contains("\"eventIds\":[\"564157307\"],\"cameoCode\":\"051\",\"quadClass\":1,\"goldstein\":3.4");

        // A reader can leave out what a machine coded.
        JsonNode matrix = recorder.get("/api/negotiations/us-ru-2016/positions").json();
        assertThat(matrix.get("positions")).hasSize(1);
        assertThat(matrix.get("positions").get(0).get("machineCoded").asBoolean()).isTrue();
        assertThat(recorder.get("/api/negotiations/us-ru-2016/positions?machineCoded=exclude").json()
                .get("positions")).isEmpty();
        assertThat(history("us-ru-2016", "us", "&machineCoded=exclude")).isEmpty();
        LedgerNode.Response wrong = recorder.get("/api/negotiations/us-ru-2016/positions?machineCoded=no");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asText()).contains("machineCoded").contains("include or exclude");
    }

    @Test
    void icewsRowsOfOneEventMakeOneRecordAndASignedAgreementAnOutcomeAndABatchIsTakenBackInOneRequest() {
        open("ru-ua-2018", "2018-01-01");
        byte[] icews = sample("icews_events.2018.sample.tab");

        // A dry run says what would be recorded and records nothing.
        JsonNode dry = importFile("ru-ua-2018", "?dataset=icews&dryRun=true", icews, RU_UA_IL).json();
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("rows").asLong()).isEqualTo(3705);
        assertThat(dry.get("rowsUsed").asLong()).isEqualTo(51);
        assertThat(dry.get("records").asLong()).isEqualTo(17);
        assertThat(dry.get("counts").get("byKind").toString())
                .isEqualTo("{\"meeting\":2,\"outcome\":1,\"statement\":14}");
        assertThat(dry.get("counts").get("byParty").toString()).isEqualTo("{\"il\":7,\"ru\":5,\"ua\":5}");
        assertThat(dry.has("recorded")).isFalse();
        assertThat(events("ru-ua-2018")).isEqualTo(1);

        JsonNode report = importFile("ru-ua-2018", "?dataset=icews", icews, RU_UA_IL).json();
        assertThat(report.get("batchId").asText()).isEqualTo(dry.get("batchId").asText());
        assertThat(report.get("recorded").asLong()).isEqualTo(17);
        assertThat(report.get("refused")).isEmpty();

        // Six reports of Russia's intent to negotiate with Ukraine (036) on 1 June 2018 are one statement.
        JsonNode intent = withEvent(history("ru-ua-2018", "ru", ""), "32887184");
        assertThat(intent.get("stance").asText()).isEqualTo("PROPOSES");
        assertThat(intent.get("effectiveOn").asText()).isEqualTo("2018-06-01");
        JsonNode coding = intent.get("coding");
        assertThat(texts(coding.get("eventIds"))).containsExactly("32887184", "32887537", "32887556", "32887806",
                "32892101", "32892322");
        assertThat(coding.get("mentions").asInt()).isEqualTo(6);
        assertThat(coding.get("goldstein").decimalValue()).isEqualByComparingTo("4");
        assertThat(texts(coding.get("publishers"))).contains("Agence France-Presse", "Interfax News Service",
                "Xinhua News Agency", "Le Quotidien");
        assertThat(coding.get("targetPartyId").asText()).isEqualTo("ua");
        assertThat(intent.get("counterpartId").asText()).as("a coded act is addressed to its target").isEqualTo("ua");
        assertThat(texts(coding.get("stories"))).hasSize(6).contains("47403467/1");
        assertThat(intent.get("source").get("publisher").asText()).isEqualTo("Agence France-Presse");

        // The Security Service of Ukraine (a government body) demands of Russia (100).
        JsonNode demand = withEvent(history("ru-ua-2018", "ua", ""), "32890683");
        assertThat(demand.get("stance").asText()).isEqualTo("DEMANDS");
        assertThat(demand.get("coding").get("actors").get(0).get("name").asText())
                .isEqualTo("Security Service of Ukraine");

        // Israel and Russia signing an agreement (057), reported both ways round, is one outcome.
        JsonNode outcomes = recorder.get("/api/negotiations/ru-ua-2018/outcomes").json().get("outcomes");
        assertThat(outcomes).hasSize(1);
        JsonNode signed = outcomes.get(0);
        assertThat(signed.get("kind").asText()).isEqualTo("AGREED");
        assertThat(texts(signed.get("partyIds"))).containsExactly("il", "ru");
        assertThat(signed.get("reachedOn").asText()).isEqualTo("2018-06-01");
        assertThat(texts(signed.get("coding").get("eventIds"))).containsExactly("32890575", "32890576");
        assertThat(signed.get("coding").get("cameoCode").asText()).isEqualTo("057");

        // Israel visits Russia (042), Russia hosts (043), they negotiate (046): one meeting of the day.
        JsonNode meetings = recorder.get("/api/negotiations/ru-ua-2018/meetings").json().get("meetings");
        assertThat(meetings).hasSize(2);
        assertThat(recorder.get("/api/negotiations/ru-ua-2018/meetings?machineCoded=exclude").json()
                .get("meetings")).as("no meeting a person recorded").isEmpty();
        assertThat(recorder.get("/api/negotiations/ru-ua-2018/exchanges?machineCoded=exclude").status())
                .isEqualTo(200);
        assertThat(recorder.get("/api/negotiations/ru-ua-2018/meetings?machineCoded=no").status()).isEqualTo(400);
        JsonNode visit = StreamSupport.stream(meetings.spliterator(), false)
                .filter(meeting -> texts(meeting.get("partyIds")).contains("il")).findFirst().orElseThrow();
        assertThat(texts(visit.get("partyIds"))).containsExactly("il", "ru");
        assertThat(visit.get("heldOn").asText()).isEqualTo("2018-06-01");
        assertThat(visit.get("level").asText()).isEqualTo("DELEGATIONS");
        assertThat(visit.get("summary").asText()).contains("Make a visit (CAMEO 042)", "Host a visit (CAMEO 043)",
                "Engage in negotiation (CAMEO 046)", "from 10 rows");
        assertThat(texts(visit.get("coding").get("eventIds"))).hasSize(10).contains("32890297", "32891685");
        assertThat(visit.get("retracted").asBoolean()).isFalse();

        // The same file again is the same batch: nothing new.
        JsonNode again = importFile("ru-ua-2018", "?dataset=icews", icews, RU_UA_IL).json();
        assertThat(again.get("batchId").asText()).isEqualTo(report.get("batchId").asText());
        assertThat(again.get("recorded").asLong()).isZero();
        assertThat(again.get("repeated").asLong()).isEqualTo(17);

        // One request takes the whole batch back; the records stay in the history, retracted.
        String batch = report.get("batchId").asText();
        LedgerNode.Response retraction = recorder.post("/api/negotiations/ru-ua-2018/event-data/batches/" + batch
                + "/retraction", "{\"reason\":\"imported with the wrong mapping\"}");
        assertThat(retraction.status()).as(retraction.body()).isEqualTo(200);
        assertThat(retraction.json().get("records").asLong()).isEqualTo(17);
        assertThat(retraction.json().get("retracted").asLong()).isEqualTo(17);
        List<JsonNode> versions = history("ru-ua-2018", "ru", "");
        JsonNode retracted = versions.stream().filter(v -> v.get("kind").asText().equals("RETRACTED")
                && v.get("statementId").asText().equals(intent.get("statementId").asText())).findFirst().orElseThrow();
        assertThat(retracted.get("reason").asText()).isEqualTo("imported with the wrong mapping");
        assertThat(recorder.get("/api/negotiations/ru-ua-2018/positions?waitFor=" + head()).json().get("positions"))
                .isEmpty();
        JsonNode outcome = recorder.get("/api/negotiations/ru-ua-2018/outcomes").json().get("outcomes").get(0);
        assertThat(outcome.get("retracted").asBoolean()).isTrue();
        assertThat(outcome.get("retractionReason").asText()).isEqualTo("imported with the wrong mapping");
        JsonNode twice = recorder.post("/api/negotiations/ru-ua-2018/event-data/batches/" + batch + "/retraction",
                "{\"reason\":\"imported with the wrong mapping\"}").json();
        assertThat(twice.get("retracted").asLong()).isZero();
        assertThat(twice.get("already").asLong()).isEqualTo(17);
        JsonNode meetingsAfter = recorder.get("/api/negotiations/ru-ua-2018/meetings").json().get("meetings");
        assertThat(meetingsAfter).hasSize(2).allMatch(meeting -> meeting.get("retracted").asBoolean());

        // The same file after its retraction says its records stay retracted, and how to bring them back.
        JsonNode afterRetraction = importFile("ru-ua-2018", "?dataset=icews", icews, RU_UA_IL).json();
        assertThat(afterRetraction.get("batchId").asText()).isEqualTo(batch);
        assertThat(afterRetraction.get("repeated").asLong()).isEqualTo(17);
        assertThat(afterRetraction.get("retracted").asLong()).isEqualTo(17);
        assertThat(afterRetraction.get("restored").asBoolean()).isFalse();
        assertThat(afterRetraction.get("advice").asText()).contains("17 of this batch's records were retracted",
                "restore=true");
        JsonNode restored = importFile("ru-ua-2018", "?dataset=icews&restore=true", icews, RU_UA_IL).json();
        assertThat(restored.get("batchId").asText()).isEqualTo(batch + "-r1");
        assertThat(restored.get("restored").asBoolean()).isTrue();
        assertThat(restored.get("recorded").asLong()).isEqualTo(17);
        assertThat(recorder.get("/api/negotiations/ru-ua-2018/positions?waitFor=" + head()).json().get("positions"))
                .isNotEmpty();
        assertThat(recorder.get("/api/negotiations/ru-ua-2018/meetings").json().get("meetings")).hasSize(4)
                .filteredOn(meeting -> !meeting.get("retracted").asBoolean()).hasSize(2);
        JsonNode restoredAgain = importFile("ru-ua-2018", "?dataset=icews&restore=true", icews, RU_UA_IL).json();
        assertThat(restoredAgain.get("batchId").asText()).as("nothing of the restored batch is retracted")
                .isEqualTo(batch + "-r1");
        assertThat(restoredAgain.get("repeated").asLong()).isEqualTo(17);
        assertThat(restoredAgain.get("retracted").asLong()).isZero();
        assertThat(restoredAgain.has("advice")).isFalse();

        // A batch retracted in part is not restored: that would record its standing records twice.
        String statement = withEvent(history("ru-ua-2018", "ru", "").stream().filter(entry -> entry
                .get("statementId").asText().startsWith(batch + "-r1-")).toList(), "32887184").get("statementId")
                .asText();
        assertThat(recorder.post("/api/negotiations/ru-ua-2018/statements/" + statement + "/retraction",
                "{\"reason\":\"a wrong report\"}").status()).isEqualTo(201);
        long before = events("ru-ua-2018");
        LedgerNode.Response partly = importFile("ru-ua-2018", "?dataset=icews&restore=true", icews, RU_UA_IL);
        assertThat(partly.status()).as(partly.body()).isEqualTo(422);
        assertThat(partly.json().get("rule").asText()).isEqualTo("restore-whole-batch");
        assertThat(partly.json().get("detail").asText()).startsWith("1 of the 17 records of batch '" + batch + "-r1' "
                + "are retracted");
        assertThat(events("ru-ua-2018")).isEqualTo(before);
    }

    @Test
    void rowsOfAMeetingAPersonRecordedCorroborateItAndMachineCodedRecordsCanBeLeftOutOfEveryCount() {
        open("ru-ua-2018-counts", "2018-01-01");
        assertThat(recorder.post("/api/negotiations/ru-ua-2018-counts/parties",
                "{\"id\":\"ru\",\"name\":\"Russia\",\"role\":\"PARTY\"}").status()).isEqualTo(201);
        assertThat(recorder.post("/api/negotiations/ru-ua-2018-counts/parties",
                "{\"id\":\"ua\",\"name\":\"Ukraine\",\"role\":\"PARTY\"}").status()).isEqualTo(201);
        assertThat(recorder.post("/api/negotiations/ru-ua-2018-counts/meetings", """
                {"id":"by-hand","heldOn":"2018-05-31","endsOn":"2018-06-01","location":"Minsk",
                 "level":"DELEGATIONS","partyIds":["ru","ua"]}""").status()).isEqualTo(201);
        // The sample's four rows of Russia hosting Ukraine (043) and Ukraine visiting Russia (042) on
        // 1 June 2018, the second day of the round recorded by hand, report it: they corroborate it, they
        // make no second meeting.
        JsonNode report = importFile("ru-ua-2018-counts", "?dataset=icews", sample("icews_events.2018.sample.tab"),
                RU_UA_IL).json();
        assertThat(report.get("recorded").asLong()).isEqualTo(17);
        assertThat(report.get("counts").get("byKind").toString())
                .isEqualTo("{\"corroboration\":1,\"meeting\":1,\"outcome\":1,\"statement\":14}");

        JsonNode all = recorder.get("/api/negotiations/ru-ua-2018-counts?waitFor=" + head()).json().get("counts");
        JsonNode people = recorder.get("/api/negotiations/ru-ua-2018-counts?machineCoded=exclude").json()
                .get("counts");
        assertThat(List.of(all.get("statements").asLong(), all.get("meetings").asLong(),
                all.get("outcomes").asLong())).containsExactly(14L, 2L, 1L);
        assertThat(List.of(people.get("statements").asLong(), people.get("meetings").asLong(),
                people.get("outcomes").asLong())).containsExactly(0L, 1L, 0L);
        assertThat(all.get("events").asLong() - people.get("events").asLong()).isEqualTo(17);
        JsonNode listed = StreamSupport.stream(recorder.get("/api/negotiations?machineCoded=exclude").json()
                        .get("negotiations").spliterator(), false)
                .filter(n -> n.get("id").asText().equals("ru-ua-2018-counts")).findFirst().orElseThrow();
        assertThat(listed.get("counts")).isEqualTo(people);
        assertThat(recorder.get("/api/negotiations?machineCoded=some").status()).isEqualTo(400);
        JsonNode trail = recorder.get("/api/negotiations/ru-ua-2018-counts/audit?limit=1000").json().get("entries");
        JsonNode peoplesTrail = recorder.get("/api/negotiations/ru-ua-2018-counts/audit?limit=1000"
                + "&machineCoded=exclude").json().get("entries");
        assertThat(trail.size() - peoplesTrail.size()).isEqualTo(17);
        assertThat(peoplesTrail.toString()).doesNotContain("\"coding\":{");
        assertThat(recorder.get("/api/negotiations/ru-ua-2018-counts/offer-gaps?topicId=relations"
                + "&machineCoded=exclude").status()).isEqualTo(200);
        assertThat(recorder.get("/api/negotiations/ru-ua-2018-counts/audit?machineCoded=no").status()).isEqualTo(400);

        JsonNode meetings = recorder.get("/api/negotiations/ru-ua-2018-counts/meetings").json().get("meetings");
        assertThat(meetings).hasSize(2);
        meetings.forEach(meeting -> assertThat(meeting.get("machineCoded").asBoolean())
                .isEqualTo(!meeting.get("id").asText().equals("by-hand")));
        JsonNode byHand = StreamSupport.stream(meetings.spliterator(), false)
                .filter(meeting -> meeting.get("id").asText().equals("by-hand")).findFirst().orElseThrow();
        JsonNode corroboration = byHand.at("/corroborations/0");
        assertThat(corroboration.get("machineCoded").asBoolean()).isTrue();
        assertThat(corroboration.get("id").asText()).startsWith(report.get("batchId").asText() + "-m-");
        assertThat(texts(corroboration.get("coding").get("eventIds"))).hasSize(4);
        assertThat(byHand.at("/sources/0/publisher").asText()).isEqualTo("Ukrainian National News Agency");
        assertThat(byHand.get("publishers").asInt()).isEqualTo(1);
        assertThat(recorder.get("/api/negotiations/ru-ua-2018-counts/meetings?machineCoded=exclude").json()
                .at("/meetings/0/corroborations")).isEmpty();
        String csv = recorder.get("/api/negotiations/ru-ua-2018-counts/meetings?format=csv").body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .endsWith(",retracted,retractionReason,machineCoded,batchId,endsOn,startsAt,endsAt,format");
        assertThat(csv.lines().filter(line -> line.startsWith("by-hand,")).findFirst().orElseThrow())
                .endsWith(",false,,false,,2018-06-01,,,");

        // The batch taken back takes the corroboration back too; the meeting a person recorded stays.
        JsonNode retraction = recorder.post("/api/negotiations/ru-ua-2018-counts/event-data/batches/"
                + report.get("batchId").asText() + "/retraction", "{\"reason\":\"wrong mapping\"}").json();
        assertThat(retraction.get("retracted").asLong()).isEqualTo(17);
        JsonNode after = recorder.get("/api/negotiations/ru-ua-2018-counts/meetings?waitFor=" + head()).json()
                .get("meetings");
        JsonNode kept = StreamSupport.stream(after.spliterator(), false)
                .filter(meeting -> meeting.get("id").asText().equals("by-hand")).findFirst().orElseThrow();
        assertThat(kept.get("retracted").asBoolean()).isFalse();
        assertThat(kept.at("/corroborations/0/retracted").asBoolean()).isTrue();
        assertThat(kept.get("sources")).isEmpty();
    }

    @Test
    void aMappingsFiltersKeepTheNoiseOutAndItsRulesMayNameTheNegotiationsOwnTopics() {
        open("us-ru-filters", "2016-01-01");
        assertThat(recorder.post("/api/negotiations/us-ru-filters/topics",
                "{\"id\":\"sanctions\",\"title\":\"Sanctions\"}").status()).isEqualTo(201);
        byte[] gdelt = sample("gdelt1_20160728_sample_events.tsv");
        String parties = """
                {"parties": [
                  {"party": "us", "name": "United States", "match": [{"country": "USA"}]},
                  {"party": "ru", "name": "Russia", "match": [{"country": "RUS"}]}
                ]""";
        // The sample's three rows of the two: 051 (4 sources, 5 mentions), 163 (a root event, 1 source,
        // 4 mentions) and 020 (1 source, 2 mentions).
        JsonNode bySources = importFile("us-ru-filters", "?dataset=gdelt1&dryRun=true", gdelt,
                parties + ", \"filters\": {\"minSources\": 2}}").json();
        assertThat(bySources.get("records").asLong()).isEqualTo(1);
        assertThat(bySources.get("skipped").get("reported by fewer than 2 sources (the mapping's minSources)")
                .asLong()).isEqualTo(2);
        JsonNode byMentions = importFile("us-ru-filters", "?dataset=gdelt1&dryRun=true", gdelt,
                parties + ", \"filters\": {\"minMentions\": 3}}").json();
        assertThat(byMentions.get("records").asLong()).isEqualTo(2);

        JsonNode roots = importFile("us-ru-filters", "?dataset=gdelt1", gdelt, parties + """
                , "filters": {"rootEventsOnly": true},
                "codes": [{"code": "163", "as": "statement", "topic": "sanctions", "stance": "DEMANDS"}]}""").json();
        assertThat(roots.get("recorded").asLong()).isEqualTo(1);
        assertThat(roots.get("skipped").get("not a root event (the mapping's rootEventsOnly)").asLong())
                .isEqualTo(2);
        JsonNode onSanctions = recorder.get("/api/negotiations/us-ru-filters/positions/us/sanctions/history?waitFor="
                + head()).json().get("entries");
        assertThat(onSanctions).hasSize(1);
        assertThat(onSanctions.get(0).get("stance").asText()).isEqualTo("DEMANDS");
        assertThat(texts(onSanctions.get(0).get("coding").get("eventIds"))).containsExactly("564443032");
        JsonNode topics = recorder.get("/api/negotiations/us-ru-filters").json().get("topics");
        assertThat(topics).hasSize(1);
        assertThat(topics.get(0).get("title").asText()).as("the negotiation's own title, not redeclared")
                .isEqualTo("Sanctions");

        long before = events("us-ru-filters");
        LedgerNode.Response icews = importFile("us-ru-filters", "?dataset=icews",
                sample("icews_events.2018.sample.tab"), parties + ", \"filters\": {\"minSources\": 2}}");
        assertThat(icews.status()).isEqualTo(400);
        assertThat(icews.json().get("type").asText()).endsWith("/problems/invalid-mapping");
        assertThat(icews.json().get("detail").asText()).isEqualTo("the mapping's filter \"minSources\" cannot apply "
                + "to ICEWS, whose rows have no such count or mark");
        assertThat(events("us-ru-filters")).isEqualTo(before);
    }

    @Test
    void aMappingWithAnErrorIsRefusedWithItsLineAndNothingIsStored() {
        open("mapping-error", "2018-01-01");
        long before = events("mapping-error");
        LedgerNode.Response refused = importFile("mapping-error", "?dataset=icews",
                sample("icews_events.2018.sample.tab"), """
                        {"parties": [
                          {"party": "ru", "name": "Russia", "match": [{"name": "Russia"}]}
                        ],
                        "codes": [
                          {"prefix": "05", "as": "statement", "topic": "relations", "stance": "FRIENDLY"}
                        ]}""");
        assertThat(refused.status()).isEqualTo(400);
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asText()).endsWith("/problems/invalid-mapping");
        assertThat(problem.get("line").asInt()).isEqualTo(5);
        assertThat(problem.get("detail").asText()).isEqualTo("the mapping has an error at line 5: \"stance\" must be "
                + "one of [SUPPORTS, PROPOSES, DEMANDS, CONDITIONAL, UNDECIDED, OPPOSES, REJECTS], not 'FRIENDLY'");
        assertThat(events("mapping-error")).isEqualTo(before);
    }

    @Test
    void aWrongFormatAnUnknownNegotiationAndAFileWithoutItsHeaderAreRefusedInWords() {
        open("refusals", "2018-01-01");
        byte[] icews = sample("icews_events.2018.sample.tab");
        LedgerNode.Response format = importFile("refusals", "?dataset=gdelt3", icews, null);
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("detail").asText()).contains("dataset").contains("gdelt1, gdelt2, icews");
        assertThat(importFile("nowhere", "?dataset=icews", icews, null).status()).isEqualTo(404);
        byte[] headless = new String(icews, StandardCharsets.UTF_8).lines().skip(1).limit(3)
                .reduce("", (a, b) -> a + b + "\n").getBytes(StandardCharsets.UTF_8);
        LedgerNode.Response noHeader = importFile("refusals", "?dataset=icews", headless, null);
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.json().get("type").asText()).endsWith("/problems/unreadable-event-data");
        assertThat(noHeader.body()).doesNotContain("Exception", "negotiationledger");
        assertThat(events("refusals")).isEqualTo(1);
        assertThat(node.as(LedgerNode.READER).postForm("/api/negotiations/refusals/event-data?dataset=icews",
                Map.of("file", icews)).status()).isEqualTo(403);
    }
}
