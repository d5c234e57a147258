package org.negotiationledger.api.importing.eventdata;

import org.junit.jupiter.api.Test;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.core.api.EventCoding.CodedActor;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.Stance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped mapping covers the CAMEO codebook; a mapping with an error is refused with its line. */
class EventMappingsTest {

    private static EventMapping mapping(String json) throws IOException {
        return mapping(json, Set.of());
    }

    private static EventMapping mapping(String json, Set<String> negotiationTopics) throws IOException {
        return EventMappings.of(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), negotiationTopics);
    }

    /** The codes of the codebook as published: the column "code" of its CSV (quoted fields may hold commas). */
    private static List<String> codebook() {
        String csv = new String(EventRowsTest.sample("/eventdata/cameo-codes_icews-pkg.csv"),
                StandardCharsets.ISO_8859_1);
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        int code = records.get(0).indexOf("code");
        return records.stream().skip(1).map(record -> record.get(code)).toList();
    }

    @Test
    void theShippedMappingHasARuleForEveryCodeOfTheCodebookAndAStanceForEveryRoot() {
        EventMapping shipped = EventMappings.shipped();
        List<String> codes = codebook();
        assertThat(codes).hasSize(312).contains("01", "057", "0874", "20");
        for (String code : codes) {
            EventMapping.CodeRule rule = shipped.ruleFor(code).orElseThrow(() -> new AssertionError(code));
            if (rule.as() == EventMapping.Kind.STATEMENT) {
                assertThat(rule.stance()).as(code).isNotNull();
                assertThat(rule.topic()).as(code).isEqualTo("relations");
            }
            assertThat(CameoCodes.name(code)).as(code).doesNotStartWith("CAMEO");
        }
        Set<Stance> roots = EnumSet.noneOf(Stance.class);
        for (int root = 1; root <= 20; root++) {
            EventMapping.CodeRule rule = shipped.ruleFor("%02d".formatted(root)).orElseThrow();
            assertThat(rule.as()).isEqualTo(EventMapping.Kind.STATEMENT);
            roots.add(rule.stance());
        }
        assertThat(roots).contains(Stance.SUPPORTS, Stance.PROPOSES, Stance.DEMANDS, Stance.OPPOSES, Stance.REJECTS);
        assertThat(shipped.ruleFor("057").orElseThrow().as()).isEqualTo(EventMapping.Kind.OUTCOME);
        assertThat(shipped.ruleFor("011").orElseThrow().as()).isEqualTo(EventMapping.Kind.IGNORE);
        for (String meeting : List.of("042", "043", "044", "046")) {
            assertThat(shipped.ruleFor(meeting).orElseThrow().as()).as(meeting).isEqualTo(EventMapping.Kind.MEETING);
            assertThat(shipped.ruleFor(meeting).orElseThrow().level()).isEqualTo(MeetingLevel.DELEGATIONS);
        }
        assertThat(shipped.ruleFor("036").orElseThrow().stance()).isEqualTo(Stance.PROPOSES);
        assertThat(shipped.ruleFor("0874").orElseThrow().stance()).isEqualTo(Stance.SUPPORTS);
        assertThat(shipped.ruleFor("1724").orElseThrow().stance()).isEqualTo(Stance.REJECTS);
        assertThat(CameoCodes.name("057")).isEqualTo("Sign formal agreement");
    }

    @Test
    void aUsersMappingNamesItsPartiesAndLaysItsCodesOverTheShippedOnes() throws IOException {
        EventMapping mapping = mapping("""
                {
                  "parties": [
                    {"party": "us", "name": "United States", "role": "MEDIATOR", "match": [{"country": "USA"}]},
                    {"party": "ru-gov", "name": "Russia", "match": [{"country": "RUS", "sectors": ["GOV"]}]}
                  ],
                  "topics": [{"id": "sanctions", "title": "Sanctions"}],
                  "codes": [
                    {"code": "163", "as": "statement", "topic": "sanctions", "stance": "REJECTS"},
                    {"prefix": "01", "as": "ignore"}
                  ]
                }""");
        assertThat(mapping.parties()).extracting(EventMapping.PartyRule::party).containsExactly("us", "ru-gov");
        assertThat(mapping.parties().get(0).role()).isEqualTo(PartyRole.MEDIATOR);
        assertThat(mapping.parties().get(1).role()).isEqualTo(PartyRole.PARTY);
        assertThat(mapping.partyOf(new CodedActor("USA", "UNITED STATES", "USA", List.of()))).isPresent();
        assertThat(mapping.partyOf(new CodedActor("RUS", "RUSSIA", "RUS", List.of()))).isEmpty();
        assertThat(mapping.partyOf(new CodedActor("RUSGOV", "RUSSIA", "RUS", List.of("GOV")))).isPresent();
        assertThat(mapping.ruleFor("163").orElseThrow().topic()).isEqualTo("sanctions");
        assertThat(mapping.ruleFor("010").orElseThrow().as()).isEqualTo(EventMapping.Kind.IGNORE);
        assertThat(mapping.ruleFor("051").orElseThrow().stance()).isEqualTo(Stance.SUPPORTS);
        assertThat(mapping.topicTitles()).containsKeys("sanctions", "relations");
    }

    @Test
    void aMappingWithAnErrorIsRefusedWithTheLineAndTheReason() {
        assertRefused("""
                {"parties": [
                  {"party": "us", "name": "US", "match": [{"country": "USA"}]}
                ],
                "codes": [
                  {"code": "57", "as": "outcome", "topic": "relations"}
                ]}""", 5, "'57' is not a CAMEO code: codes are 2 to 4 digits beginning with a root from 01 "
                + "to 20, as text with their leading zeros (\"057\", not 57)");
        assertRefused("""
                {"parties": [
                  {"party": "us", "name": "US", "match": [{"country": "USA"}]}
                ],
                "codes": [
                  {"code": "051", "as": "statement", "topic": "relations"}
                ]}""", 5, "the rule for 051 makes statements and needs a \"stance\"");
        assertRefused("""
                {"parties": [
                  {"party": "us", "name": "US", "match": [{"country": "USA"}]}
                ],
                "codes": [
                  {"code": "051", "as": "statement", "topic": "trade", "stance": "SUPPORTS"}
                ]}""", 5, "topic 'trade' is neither among the mapping's topics nor the negotiation's");
        assertRefused("""
                {"parties": [],
                 "filters": {"minSources": 0}}""", 2, "\"minSources\" must be a whole number from 1 to 1000000, not 0");
        assertRefused("""
                {"parties": [],
                 "filters": {"minMentions": 2, "minTone": 3}}""", 2, "unknown field \"minTone\"");
        assertRefused("""
                {"parties": [
                  {"party": "us", "name": "US", "match": [{"country": "USA"}]},
                  {"party": "us", "name": "USA", "match": [{"country": "USA"}]}
                ]}""", 3, "party 'us' is named twice");
        assertRefused("""
                {"parties": [
                  {"party": "us", "name": "US", "match": [{"country": "USA", "name": "x"}]}
                ]}""", 2, "each match of party 'us' names exactly one of actor, country or name");
        assertRefused("""
                {"parties": [
                  {"party": "us", "name": "US",
                   "match": [{"country": "USA"}], "colour": "blue"}
                ]}""", 3, "unknown field \"colour\"");
        assertRefused("""
                {"parties": [],
                 "codes": [{"prefix": "05", "as": "statement", "topic": "relations", "stance": "LIKES"}]
                }""", 2, "\"stance\" must be one of [SUPPORTS, PROPOSES, DEMANDS, CONDITIONAL, UNDECIDED, OPPOSES, "
                 + "REJECTS], not 'LIKES'");
        assertRefused("""
                {"parties": [
                  {"party": "us", "name": "US", "match": [{"country": "USA"}]
                ]}""", 3, "not valid JSON");
        assertRefused("""
                {"parties": [],
                 "codes": [{"code": "051", "as": "visit", "topic": "relations"}]}""", 2,
                "\"as\" must be statement, outcome, meeting or ignore, not 'visit'");
        assertRefused("""
                {"parties": [],
                 "codes": [{"code": "051", "as": "statement", "topic": "relations", "stance": "SUPPORTS",
                            "level": "LEADERS"}]}""", 2, "the rule for 051 makes statements: only meetings have a "
                + "\"level\"");
    }

    @Test
    void aRuleMayNameATopicTheNegotiationHasWithoutDeclaringItAgain() throws IOException {
        EventMapping mapping = mapping("""
                {"parties": [
                  {"party": "us", "name": "US", "match": [{"country": "USA"}]}
                ],
                "codes": [
                  {"code": "051", "as": "statement", "topic": "prisoners", "stance": "SUPPORTS"}
                ]}""", Set.of("prisoners"));
        assertThat(mapping.ruleFor("051").orElseThrow().topic()).isEqualTo("prisoners");
        assertThat(mapping.topicTitles()).doesNotContainKey("prisoners");
    }

    @Test
    void filtersAreReadAndAMappingWithoutThemHasTheIdentityAnEarlierReleaseGaveIt() throws IOException {
        String parties = """
                {"parties": [{"party": "us", "name": "US", "match": [{"country": "USA"}]}]""";
        EventMapping filtered = mapping(parties + """
                , "filters": {"minSources": 2, "minMentions": 3, "rootEventsOnly": true}}""");
        assertThat(filtered.filters()).isEqualTo(new EventMapping.Filters(2, 3, true));
        EventMapping plain = mapping(parties + "}");
        assertThat(plain.filters()).isEqualTo(EventMapping.NO_FILTERS);
        // The batch id digests this text: unchanged, a file imported before filters existed is the same batch.
        assertThat(plain.identity()).startsWith("EventMapping[parties=[PartyRule[party=us, name=US, role=PARTY, ")
                .endsWith("]]").doesNotContain("filters", "Filters");
        assertThat(filtered.identity()).isNotEqualTo(plain.identity()).endsWith(
                "Filters[minSources=2, minMentions=3, rootEventsOnly=true]");
        assertThat(filtered.filters().notIn(EventFormat.ICEWS)).isEqualTo("minSources");
        assertThat(new EventMapping.Filters(null, 2, false).notIn(EventFormat.ICEWS)).isNull();
        assertThat(filtered.filters().notIn(EventFormat.GDELT1)).isNull();
    }

    private static void assertRefused(String json, int line, String reason) {
        assertThatThrownBy(() -> mapping(json))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.getMessage())
                        .startsWith("the mapping has an error at line " + line + ": ")
                        .contains(reason).doesNotContain("negotiationledger", "java.", "com.fasterxml"));
    }
}
