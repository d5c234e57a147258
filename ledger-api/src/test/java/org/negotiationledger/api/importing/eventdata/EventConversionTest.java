package org.negotiationledger.api.importing.eventdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.commands.CommandRoutes.CommandRequest;
import org.negotiationledger.api.commands.CommandRoutes.RecordMeetingRequest;
import org.negotiationledger.api.commands.CommandRoutes.RecordOutcomeRequest;
import org.negotiationledger.api.commands.CommandRoutes.RecordStatementRequest;
import org.negotiationledger.core.api.EventCoding.CodedActor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows into records, without a ledger: what is merged, what is skipped and why, what a record says. */
class EventConversionTest {

    private static final LocalDate OPENED = LocalDate.of(2025, 5, 1);
    private static final CodedActor RUSSIA = new CodedActor("RUS", "RUSSIA", "RUS", List.of());
    private static final CodedActor UKRAINE = new CodedActor("UKR", "UKRAINE", "UKR", List.of());
    private static final CodedActor FRANCE = new CodedActor("FRA", "FRANCE", "FRA", List.of());

    /** A request as the JSON body an HTTP client would send for it. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final EventConversion conversion = new EventConversion(EventFormat.GDELT2, EventMappings.shipped(),
            "ru-ua-2025", OPENED, LocalDate.of(2025, 6, 30));

    private static EventRow row(String id, String day, CodedActor actor, CodedActor target, String code,
                                int mentions, String url) {
        return row(id, day, actor, target, code, mentions, 1, true, "Istanbul, Istanbul, Turkey", url);
    }

    private static EventRow row(String id, String day, CodedActor actor, CodedActor target, String code,
                                int mentions, int sources, boolean root, String place, String url) {
        BigDecimal latitude = place.startsWith("Istanbul") ? new BigDecimal("41.01") : new BigDecimal("50.45");
        return new EventRow(Long.parseLong(id), id, LocalDate.parse(day), actor, target, code, 1, new BigDecimal("4"),
                new BigDecimal("-2"), mentions, sources, mentions, root, LocalDate.parse(day), place, latitude,
                new BigDecimal("28.95"), url, null, null);
    }

    private static JsonNode body(CommandRequest request) {
        return JSON.valueToTree(request);
    }

    @Test
    void rowsOfOneEventMakeOneRecordWithTheirMentionsSummedAndEveryAddressKept() {
        conversion.row(row("1", "2025-05-16", RUSSIA, UKRAINE, "036", 3, "https://a.example/1"));
        conversion.row(row("2", "2025-05-16", RUSSIA, UKRAINE, "036", 5, "https://b.example/2"));
        conversion.row(row("3", "2025-05-16", UKRAINE, RUSSIA, "036", 1, "https://c.example/3"));
        conversion.row(row("4", "2025-05-17", RUSSIA, UKRAINE, "036", 1, "https://d.example/4"));

        assertThat(conversion.rows()).isEqualTo(4);
        assertThat(conversion.used()).isEqualTo(4);
        assertThat(conversion.records()).hasSize(3);
        CommandRequest first = conversion.request("ed-1", conversion.records().get(0));
        assertThat(first).isInstanceOf(RecordStatementRequest.class);
        JsonNode body = body(first);
        assertThat(body.get("partyId").asText()).isEqualTo("ru");
        assertThat(body.get("stance").asText()).isEqualTo("PROPOSES");
        assertThat(body.get("summary").asText()).isEqualTo("Express intent to meet or negotiate (CAMEO 036) towards "
                + "Ukraine; machine-coded by GDELT 2.0 from 2 rows");
        assertThat(body.get("source").get("url").asText()).isEqualTo("https://a.example/1");
        JsonNode coding = body.get("coding");
        assertThat(coding.get("eventIds").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(coding.get("urls").toString()).isEqualTo("[\"https://a.example/1\",\"https://b.example/2\"]");
        assertThat(coding.get("mentions").asInt()).isEqualTo(8);
        assertThat(coding.get("targetPartyId").asText()).isEqualTo("ua");
    }

    @Test
    void anAgreementReportedBothWaysRoundIsOneOutcomeAndVisitsOfADayOneMeeting() {
        conversion.row(row("1", "2025-05-16", RUSSIA, UKRAINE, "057", 2, null));
        conversion.row(row("2", "2025-05-16", UKRAINE, RUSSIA, "057", 2, null));
        conversion.row(row("3", "2025-05-16", UKRAINE, RUSSIA, "042", 1, null));
        conversion.row(row("4", "2025-05-16", RUSSIA, UKRAINE, "043", 1, null));

        assertThat(conversion.records()).hasSize(2);
        CommandRequest outcome = conversion.request("ed-1", conversion.records().get(0));
        assertThat(outcome).isInstanceOf(RecordOutcomeRequest.class);
        assertThat(body(outcome).at("/partyIds").toString()).isEqualTo("[\"ru\",\"ua\"]");
        assertThat(body(outcome).at("/coding/eventIds").toString()).isEqualTo("[\"1\",\"2\"]");
        CommandRequest meeting = conversion.request("ed-1", conversion.records().get(1));
        assertThat(meeting).isInstanceOf(RecordMeetingRequest.class);
        assertThat(body(meeting).at("/location").asText()).isEqualTo("Istanbul, Istanbul, Turkey");
        assertThat(body(meeting).at("/summary").asText()).startsWith("Meeting of Ukraine and Russia: Make a visit "
                + "(CAMEO 042), Host a visit (CAMEO 043)");
        assertThat(EventConversion.recordId("ed-1", conversion.records().get(1))).startsWith("ed-1-m-");
    }

    @Test
    void rowsOutsideTheNegotiationAreSkippedAndCountedByReason() {
        conversion.row(row("1", "2025-05-16", FRANCE, UKRAINE, "036", 1, null));
        conversion.row(row("2", "2025-05-16", RUSSIA, FRANCE, "036", 1, null));
        conversion.row(row("3", "2025-05-16", RUSSIA, RUSSIA, "036", 1, null));
        conversion.row(row("4", "2025-04-30", RUSSIA, UKRAINE, "036", 1, null));
        conversion.row(row("5", "2025-07-01", RUSSIA, UKRAINE, "036", 1, null));
        conversion.row(row("6", "2025-05-16", RUSSIA, UKRAINE, "011", 1, null));
        conversion.row(row("7", "2025-05-16", null, UKRAINE, "036", 1, null));
        conversion.skipped(8, "has 3 columns; GDELT 2.0 rows have 61");

        assertThat(conversion.records()).isEmpty();
        assertThat(conversion.rows()).isEqualTo(8);
        assertThat(conversion.skippedByReason()).isEqualTo(Map.of(
                "the source actor is none of the parties", 1L,
                "the target actor is none of the parties", 1L,
                "both actors are the same party", 1L,
                "dated before the negotiation opened (2025-05-01)", 1L,
                "dated after today", 1L,
                "the mapping ignores CAMEO code 011 (Decline comment)", 1L,
                "the row has no source actor", 1L,
                "unreadable: has 3 columns; GDELT 2.0 rows have 61", 1L));
    }

    @Test
    void aMeetingIsPlacedWhereMostOfItsRowsPutItNotWhereTheFirstDid() {
        conversion.row(row("1", "2025-05-16", UKRAINE, RUSSIA, "042", 1, 1, true, "Kyiv, Ukraine", null));
        conversion.row(row("2", "2025-05-16", RUSSIA, UKRAINE, "043", 1, 1, true, "Istanbul, Istanbul, Turkey", null));
        conversion.row(row("3", "2025-05-16", RUSSIA, UKRAINE, "046", 1, 1, true, "Istanbul, Istanbul, Turkey", null));

        JsonNode meeting = body(conversion.request("ed-1", conversion.records().get(0)));
        assertThat(meeting.at("/location").asText()).isEqualTo("Istanbul, Istanbul, Turkey");
        assertThat(meeting.at("/coding/place").asText()).isEqualTo("Istanbul, Istanbul, Turkey");
        assertThat(meeting.at("/coding/latitude").decimalValue()).isEqualByComparingTo("41.01");
    }

    @Test
    void aMappingsFiltersSkipRowsWithFewSourcesOrMentionsAndThoseNotRootEvents() {
        EventMapping shipped = EventMappings.shipped();
        EventConversion filtered = new EventConversion(EventFormat.GDELT2, new EventMapping(shipped.parties(),
                shipped.topics(), shipped.codes(), new EventMapping.Filters(2, 3, true)), "ru-ua-2025", OPENED,
                LocalDate.of(2025, 6, 30));
        String place = "Istanbul, Istanbul, Turkey";
        filtered.row(row("1", "2025-05-16", RUSSIA, UKRAINE, "036", 5, 1, true, place, null));
        filtered.row(row("2", "2025-05-16", RUSSIA, UKRAINE, "036", 2, 4, true, place, null));
        filtered.row(row("3", "2025-05-16", RUSSIA, UKRAINE, "036", 5, 4, false, place, null));
        filtered.row(row("4", "2025-05-16", RUSSIA, UKRAINE, "036", 3, 2, true, place, null));

        assertThat(filtered.skippedByReason()).isEqualTo(Map.of(
                "reported by fewer than 2 sources (the mapping's minSources)", 1L,
                "mentioned fewer than 3 times (the mapping's minMentions)", 1L,
                "not a root event (the mapping's rootEventsOnly)", 1L));
        assertThat(filtered.used()).isEqualTo(1);
        assertThat(body(filtered.request("ed-1", filtered.records().get(0))).at("/coding/eventIds").toString())
                .isEqualTo("[\"4\"]");
    }

    @Test
    void anAddressTooLongForARecordIsLeftOutRatherThanRefusingTheRecord() {
        String tooLong = "https://long.example/" + "x".repeat(2_000);
        conversion.row(row("1", "2025-05-16", RUSSIA, UKRAINE, "036", 1, tooLong));
        conversion.row(row("2", "2025-05-16", RUSSIA, UKRAINE, "036", 1, "https://short.example/2"));

        JsonNode body = body(conversion.request("ed-1", conversion.records().get(0)));
        assertThat(body.at("/coding/urls").toString()).isEqualTo("[\"https://short.example/2\"]");
        assertThat(body.at("/coding/eventIds").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(body.at("/source/url").asText()).isEqualTo("https://short.example/2");
    }
}
