package org.negotiationledger.core.serialization;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.DelegateRegistered;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.ExchangeExecutionRecorded;
import org.negotiationledger.core.api.ExchangeKind;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.ExchangeTerms;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.OutcomeRecorded;
import org.negotiationledger.core.api.OutcomeStatusRecorded;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementChanges;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.TopicAdded;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored at revision 1, as the first release wrote them, read as today's records. */
class EventUpcastersTest {

    private static final JacksonSerializer SERIALIZER = LedgerSerialization.serializer();
    private static final LocalDate DAY = LocalDate.parse("2025-05-16");

    private static Object readRevisionOne(Class<?> type, String json) {
        return read(type, "1", json);
    }

    /** An event stored at {@code revision}, read as the current revision of its type. */
    private static Object read(Class<?> type, String revision, String json) {
        SerializedObject<byte[]> payload = new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(type.getName(), revision));
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("Negotiation", "n", 0, "e-1",
                "2026-12-02T00:00:00Z", payload.getType().getName(), revision, payload.getData(),
                "{}".getBytes(StandardCharsets.UTF_8));
        var upcast = new EventUpcasterChain(EventUpcasters.all())
                .upcast(Stream.of(new InitialEventRepresentation(row, SERIALIZER))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(type.getAnnotation(Revision.class).value());
        return SERIALIZER.deserialize(upcast.get(0).getData());
    }

    @Test
    void aStatementOfRevisionOneWasMadeAtNoMeetingWithoutADeadlineAndItsOfferIsOneValue() {
        Object read = readRevisionOne(StatementRecorded.class, """
                {"negotiationId":"n","statementId":"s-1","partyId":"ua","delegateId":null,"topicId":"t",
                 "stance":"SUPPORTS","summary":"s","conditions":null,"offer":{"value":1000,"unit":"prisoners"},
                 "effectiveOn":"2025-05-16","source":null,"note":null}""");
        assertThat(read).isEqualTo(new StatementRecorded("n", "s-1", "ua", null, "t", Stance.SUPPORTS, "s", null,
                Offer.of(1000, "prisoners"), DAY, null, null, null, null));
    }

    @Test
    void theOneSourceOfAStatementOfRevisionThreeIsTheOnlyEntryOfItsSources() {
        Object read = read(StatementRecorded.class, "3", """
                {"negotiationId":"n","statementId":"s-1","partyId":"ua","delegateId":null,"topicId":"t",
                 "stance":"SUPPORTS","summary":"s","conditions":null,"offer":null,"effectiveOn":"2025-05-16",
                 "source":{"publisher":"NV","title":"Umerov","url":"https://nv.ua/ukr/umerov-50525.html",
                 "publishedOn":"2025-06-27","language":"ru","quote":"всех на всех"},"note":null,
                 "meetingId":null,"validUntil":null,"coding":null}""");
        assertThat(read).isEqualTo(new StatementRecorded("n", "s-1", "ua", null, "t", Stance.SUPPORTS, "s", null,
                null, DAY, List.of(new Source("NV", "Umerov", "https://nv.ua/ukr/umerov-50525.html",
                LocalDate.parse("2025-06-27"), "ru", "всех на всех")), null, null, null, null));
        Object unsourced = read(StatementRecorded.class, "3", """
                {"negotiationId":"n","statementId":"s-1","partyId":"ua","delegateId":null,"topicId":"t",
                 "stance":"SUPPORTS","summary":"s","conditions":null,"offer":null,"effectiveOn":"2025-05-16",
                 "source":null,"note":null,"meetingId":null,"validUntil":null,"coding":null}""");
        assertThat(((StatementRecorded) unsourced).sources()).isEmpty();
    }

    @Test
    void aStatementOfRevisionFourIsAddressedToItsCodedTargetOrToNoOneAtNoTimeOfDay() {
        String coded = """
                {"negotiationId":"n","statementId":"s-1","partyId":"ru","delegateId":null,"topicId":"t",
                 "stance":"PROPOSES","summary":"s","conditions":null,"offer":null,"effectiveOn":"2025-05-16",
                 "sources":[],"note":null,"meetingId":null,"validUntil":null,
                 "coding":{"dataset":"icews","batchId":"b","eventIds":["1"],"cameoCode":"036","targetPartyId":"ua"}}""";
        StatementRecorded read = (StatementRecorded) read(StatementRecorded.class, "4", coded);
        assertThat(read.counterpartId()).isEqualTo("ua");
        assertThat(read.effectiveAt()).isNull();
        assertThat(read.involvedParties()).containsExactly("ru", "ua");
        StatementRecorded byAPerson = (StatementRecorded) read(StatementRecorded.class, "4", """
                {"negotiationId":"n","statementId":"s-1","partyId":"ua","delegateId":null,"topicId":"t",
                 "stance":"SUPPORTS","summary":"s","conditions":null,"offer":null,"effectiveOn":"2025-05-16",
                 "sources":[],"note":null,"meetingId":null,"validUntil":null,"coding":null}""");
        assertThat(byAPerson).isEqualTo(new StatementRecorded("n", "s-1", "ua", null, "t", Stance.SUPPORTS, "s", null,
                null, DAY, List.of(), null, null, null, null));
        assertThat(byAPerson.counterpartId()).isNull();
    }

    @Test
    void theOneSourceOfAnOutcomeOfRevisionTwoIsTheOnlyEntryOfItsSources() {
        Object read = read(OutcomeRecorded.class, "2", """
                {"negotiationId":"n","outcomeId":"o-1","kind":"AGREED","topicIds":["t"],"partyIds":["ua","ru"],
                 "terms":"1000 for 1000","reachedOn":"2025-05-16","meetingId":null,
                 "source":{"publisher":"TASS","title":null,"url":null,"publishedOn":null,"language":"ru",
                 "quote":null},"coding":null}""");
        assertThat(((OutcomeRecorded) read).sources())
                .containsExactly(new Source("TASS", null, null, null, "ru", null));
    }

    @Test
    void meetingsExchangesStagesAndStatusesOfEarlierRevisionsHaveNoSources() {
        MeetingHeld meeting = (MeetingHeld) read(MeetingHeld.class, "2", """
                {"negotiationId":"n","meetingId":"m","heldOn":"2025-05-16","location":"Istanbul","level":"DELEGATIONS",
                 "partyIds":["ua","ru"],"mediatorIds":[],"heads":{},"topicIds":[],"summary":null,"coding":null}""");
        ExchangeAgreed agreed = (ExchangeAgreed) read(ExchangeAgreed.class, "1", """
                {"negotiationId":"n","exchangeId":"x","partyIds":["ua","ru"],"agreedOn":"2025-05-16",
                 "meetingId":null}""");
        ExchangeExecutionRecorded stage = (ExchangeExecutionRecorded) read(ExchangeExecutionRecorded.class, "1", """
                {"negotiationId":"n","exchangeId":"x","stage":1,"executedOn":"2025-05-23","released":{"ua":390},
                 "totals":{"ua":390},"completes":false,"note":null}""");
        OutcomeStatusRecorded status = (OutcomeStatusRecorded) read(OutcomeStatusRecorded.class, "1", """
                {"negotiationId":"n","outcomeId":"o","status":"IMPLEMENTED","since":"2025-05-25","note":null}""");
        assertThat(meeting.sources()).isEmpty();
        assertThat(agreed).isEqualTo(new ExchangeAgreed("n", "x", List.of("ua", "ru"), DAY, null));
        assertThat(stage.sources()).isEmpty();
        assertThat(status.sources()).isEmpty();
    }

    @Test
    void aCorrectionOfRevisionOneChangesNoDeadline() {
        Object read = readRevisionOne(StatementCorrected.class, """
                {"negotiationId":"n","statementId":"s-1","correctionId":"c-1","partyId":"ua","topicId":"t",
                 "changes":{"stance":null,"summary":null,"offer":{"value":4.2,"unit":"%"},"conditions":null,
                 "effectiveOn":null},"reason":"r"}""");
        assertThat(read).isEqualTo(new StatementCorrected("n", "s-1", "c-1", "ua", "t",
                new StatementChanges(null, null, new Offer(new java.math.BigDecimal("4.2"), "%"), null, null, null),
                "r"));
    }

    @Test
    void aMeetingOfRevisionThreeLastedOneDayAtNoSaidTimeOrFormatAndTopicsAndDelegatesWereThereFromTheOpening() {
        MeetingHeld meeting = (MeetingHeld) read(MeetingHeld.class, "3", """
                {"negotiationId":"n","meetingId":"m","heldOn":"2025-05-16","location":"Istanbul","level":"DELEGATIONS",
                 "partyIds":["ua","ru"],"mediatorIds":[],"heads":{},"topicIds":[],"summary":null,"coding":null,
                 "sources":[]}""");
        assertThat(meeting.endsOn()).isNull();
        assertThat(meeting.lastDay()).isEqualTo(DAY);
        assertThat(meeting.startsAt()).isNull();
        assertThat(meeting.format()).isNull();
        assertThat(readRevisionOne(TopicAdded.class, """
                {"negotiationId":"n","topicId":"t","title":"T","description":null}"""))
                .isEqualTo(new TopicAdded("n", "t", "T", null, null));
        assertThat(readRevisionOne(DelegateRegistered.class, """
                {"negotiationId":"n","delegateId":"d","name":"D","partyId":"ua","title":null}"""))
                .isEqualTo(new DelegateRegistered("n", "d", "D", "ua", null, null));
    }

    @Test
    void aClosureOfRevisionOneNamesNoAgreement() {
        Object read = readRevisionOne(NegotiationClosed.class, """
                {"negotiationId":"n","outcome":"AGREEMENT","closedOn":"2025-05-16","summary":"signed"}""");
        assertThat(read).isEqualTo(new NegotiationClosed("n", Outcome.AGREEMENT, DAY, "signed", null));
    }

    @Test
    void aPartyOfRevisionOneWasThereFromTheOpening() {
        Object read = readRevisionOne(PartyRegistered.class, """
                {"negotiationId":"n","partyId":"tr","name":"Turkey","role":"MEDIATOR"}""");
        assertThat(read).isEqualTo(new PartyRegistered("n", "tr", "Turkey", PartyRole.MEDIATOR, null));
    }

    @Test
    void aFreeTextKindOfRevisionOneIsKeptInWordsUnderOther() {
        String proposed = """
                {"negotiationId":"n","exchangeId":"x-1","proposedBy":null,"proposedOn":"2025-05-16",
                 "terms":{"kind":"%s","sides":["ua","ru"],"quantities":{"ru":10,"ua":10},"allForAll":false,
                 "categories":[]},"note":null}""";
        Map<String, Integer> tenForTen = Map.of("ua", 10, "ru", 10);
        assertThat(readRevisionOne(ExchangeProposed.class, proposed.formatted("PRISONERS")))
                .isEqualTo(new ExchangeProposed("n", "x-1", null, DAY, new ExchangeTerms(ExchangeKind.PRISONERS, null,
                        List.of("ua", "ru"), tenForTen, false, List.of())));
        assertThat(readRevisionOne(ExchangeProposed.class, proposed.formatted("GRAIN")))
                .isEqualTo(new ExchangeProposed("n", "x-1", null, DAY, new ExchangeTerms(ExchangeKind.OTHER, "GRAIN",
                        List.of("ua", "ru"), tenForTen, false, List.of())));
    }

    @Test
    void aStatementOfTheSecondEditionWasRecordedByAPerson() {
        Object read = read(StatementRecorded.class, "2", """
                {"negotiationId":"n","statementId":"s-1","partyId":"ua","delegateId":null,"topicId":"t",
                 "stance":"SUPPORTS","summary":"s","conditions":null,"offer":null,"effectiveOn":"2025-05-16",
                 "source":null,"note":null,"meetingId":"istanbul-1","validUntil":"2025-06-16"}""");
        assertThat(read).isEqualTo(new StatementRecorded("n", "s-1", "ua", null, "t", Stance.SUPPORTS, "s", null,
                null, DAY, null, null, "istanbul-1", DAY.plusMonths(1), null));
    }

    @Test
    void anOutcomeOfRevisionOneWasRecordedByAPerson() {
        Object read = readRevisionOne(OutcomeRecorded.class, """
                {"negotiationId":"n","outcomeId":"o-1","kind":"AGREED","topicIds":["t"],"partyIds":["ua","ru"],
                 "terms":"1,000 for 1,000","reachedOn":"2025-05-16","meetingId":null,"source":null}""");
        assertThat(read).isEqualTo(new OutcomeRecorded("n", "o-1", OutcomeKind.AGREED, List.of("t"),
                List.of("ua", "ru"), "1,000 for 1,000", DAY, null, null, null));
    }

    @Test
    void aMeetingOfRevisionOneWasRecordedByAPerson() {
        Object read = readRevisionOne(MeetingHeld.class, """
                {"negotiationId":"n","meetingId":"istanbul-1","heldOn":"2025-05-16","location":"Istanbul",
                 "level":"DELEGATIONS","partyIds":["ua","ru"],"mediatorIds":["tr"],"heads":{},"topicIds":[],
                 "summary":"First round"}""");
        assertThat(read).isEqualTo(new MeetingHeld("n", "istanbul-1", DAY, "Istanbul", MeetingLevel.DELEGATIONS,
                List.of("ua", "ru"), List.of("tr"), Map.of(), List.of(), "First round", null));
    }
}
