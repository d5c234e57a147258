package org.negotiationledger.core.serialization;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.AccountRecorded;
import org.negotiationledger.core.api.AccountRetracted;
import org.negotiationledger.core.api.AgreementSigned;
import org.negotiationledger.core.api.AgreementStage;
import org.negotiationledger.core.api.BodyCreated;
import org.negotiationledger.core.api.BodyDissolved;
import org.negotiationledger.core.api.BodyKind;
import org.negotiationledger.core.api.BodyMember;
import org.negotiationledger.core.api.CorroborationRetracted;
import org.negotiationledger.core.api.DelegateRegistered;
import org.negotiationledger.core.api.DelegateTitleChanged;
import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.ExchangeCompleted;
import org.negotiationledger.core.api.ExchangeExecutionRecorded;
import org.negotiationledger.core.api.ExchangeKind;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.ExchangeTerms;
import org.negotiationledger.core.api.LinkKind;
import org.negotiationledger.core.api.MeetingCorroborated;
import org.negotiationledger.core.api.MeetingFormat;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.core.api.MeetingRetracted;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.NegotiationEvent;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.OutcomeRecorded;
import org.negotiationledger.core.api.OutcomeRetracted;
import org.negotiationledger.core.api.OutcomeStatus;
import org.negotiationledger.core.api.OutcomeStatusRecorded;
import org.negotiationledger.core.api.PackageProposed;
import org.negotiationledger.core.api.PartyLeft;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.PartyRoleChanged;
import org.negotiationledger.core.api.Provision;
import org.negotiationledger.core.api.RecordKind;
import org.negotiationledger.core.api.Signatory;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementChanges;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementLink;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;
import org.negotiationledger.core.api.TopicAdded;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event survives the trip through the serializer the ledger stores its events with. */
class EventSerializationTest {

    private static final String N = "ru-ua-2025";
    private static final LocalDate DAY = LocalDate.parse("2025-05-16");

    static List<NegotiationEvent> oneOfEach() {
        Source source = new Source("NV", "Умеров: Украина нуждается в ПВО", "https://example.org/a",
                LocalDate.parse("2025-06-27"), "ru", "«Мы поддерживаем идею длительного прекращения огня»");
        return List.of(
                new NegotiationOpened(N, "Russia–Ukraine talks 2025", "Istanbul", DAY),
                new PartyRegistered(N, "tr", "Turkey", PartyRole.MEDIATOR, DAY),
                new DelegateRegistered(N, "umerov", "Rustem Umerov", "ua", "Minister of Defence"),
                new TopicAdded(N, "ceasefire", "Ceasefire", null),
                new StatementRecorded(N, "s-1", "ua", "umerov", "ceasefire", Stance.CONDITIONAL, "summary",
                        "a ceasefire first", new Offer(new BigDecimal("4.5"), "%"), DAY, List.of(source), "date approximate",
                        "istanbul-1", DAY.plusDays(30), null, "ru", LocalTime.of(14, 5),
                        List.of(new StatementLink(LinkKind.ONLY_AFTER, "prisoner-exchange", "istanbul-1"))),
                new StatementCorrected(N, "s-1", "c-1", "ua", "ceasefire",
                        new StatementChanges(Stance.SUPPORTS, null,
                                Offer.range(BigDecimal.ONE, BigDecimal.TEN, "prisoners"), null, DAY, DAY), "why"),
                new StatementRetracted(N, "s-1", "ua", "ceasefire", "false quote"),
                new MeetingHeld(N, "istanbul-1", DAY, "Istanbul", MeetingLevel.DELEGATIONS, List.of("ua", "ru"),
                        List.of("tr"), Map.of("ua", "umerov", "ru", "medinsky"), List.of("ceasefire"), "s", null,
                        List.of(source), DAY.plusDays(1), LocalTime.of(10, 30), LocalTime.of(17, 0),
                        MeetingFormat.IN_PERSON),
                new ExchangeProposed(N, "pow-2", "ua", DAY, ExchangeTerms.allForAll(ExchangeKind.PRISONERS,
                        List.of("ua", "ru"),
                        List.of("seriously ill", "wounded", "under 25"))),
                new ExchangeAgreed(N, "pow-1", List.of("ua", "ru"), DAY, "istanbul-1"),
                new ExchangeExecutionRecorded(N, "pow-1", 1, DAY, Map.of("ua", 390, "ru", 390),
                        Map.of("ua", 390, "ru", 390), false, null),
                new ExchangeCompleted(N, "pow-1", DAY, Map.of("ua", 1000, "ru", 1000)),
                new NegotiationClosed(N, Outcome.AGREEMENT, DAY, "done"),
                new PartyLeft(N, "tr", DAY, "handed over to the Vatican"),
                new PartyRoleChanged(N, "us", PartyRole.MEDIATOR, DAY),
                new DelegateTitleChanged(N, "umerov", "ua", "Secretary of the Security Council", DAY),
                new OutcomeRecorded(N, "no-ceasefire", OutcomeKind.NOT_AGREED, List.of("ceasefire"),
                        List.of("ua", "ru"), "no agreement on a ceasefire", DAY, "istanbul-1", List.of(source),
                        new EventCoding("gdelt2", "ed-1", List.of("1234567890"), "057", 1, new BigDecimal("8.0"),
                                new BigDecimal("-1.25"), 12, 3, 10, List.of("https://example.org/report"), List.of(),
                                List.of(), "ru",
                                List.of(new EventCoding.CodedActor("UKRGOV", "UKRAINE", "UKR", List.of("GOV"))),
                                List.of(new EventCoding.CodedActor("RUS", "RUSSIA", "RUS", List.of())),
                                "Istanbul, Istanbul, Turkey", new BigDecimal("41.0186"), new BigDecimal("28.9647"))),
                new OutcomeStatusRecorded(N, "truce", OutcomeStatus.VIOLATED, DAY, "shelling resumed"),
                new OutcomeRetracted(N, "truce", List.of("ua", "ru"), "the report was false"),
                new MeetingRetracted(N, "istanbul-1", List.of("ua", "ru", "tr"), "no such meeting took place"),
                new MeetingCorroborated(N, "istanbul-1", "tass", List.of("ua", "ru", "tr"), List.of(source), null),
                new CorroborationRetracted(N, "istanbul-1", "tass", List.of("ua", "ru", "tr"), "another meeting"),
                new AgreementSigned(N, "memorandum", "Memoranda", DAY, AgreementStage.FRAMEWORK,
                        List.of(new Signatory("ua", "umerov"), new Signatory("ru", null)),
                        List.of(new Provision("prisoner-exchange", "prisoner release", "84 for 84", "pow-1")),
                        "istanbul-2", List.of(source)),
                new PackageProposed(N, "humanitarian", "The humanitarian package", List.of("ceasefire",
                        "prisoner-exchange"), "ua", DAY, "nothing is agreed until everything is agreed",
                        List.of(source)),
                new BodyCreated(N, "pow-group", "Working group on prisoners", BodyKind.WORKING_GROUP,
                        "prepares each exchange", DAY, List.of(new BodyMember("ua", "umerov", "co-chair"),
                        new BodyMember("ru", null, null)), List.of("prisoner-exchange"), "memorandum", "istanbul-2",
                        List.of(source)),
                new BodyDissolved(N, "pow-group", DAY, "its work is done", List.of(source), List.of("ua", "ru")),
                new AccountRecorded(N, "ua-count", "pow-1", RecordKind.EXCHANGE, DAY, "released", null,
                        new BigDecimal("1200"), "prisoners", "ua", List.of(source)),
                new AccountRetracted(N, "ua-count", "pow-1", "misread"));
    }

    /** The current revision of each event whose fields changed since the first. */
    private static final Map<Class<?>, String> REVISIONS = Map.of(StatementRecorded.class, "5",
            StatementCorrected.class, "3", PartyRegistered.class, "2", ExchangeProposed.class, "3",
            OutcomeRecorded.class, "3", MeetingHeld.class, "4", ExchangeAgreed.class, "2",
            ExchangeExecutionRecorded.class, "2", OutcomeStatusRecorded.class, "2", NegotiationClosed.class, "2");
    /** Revisions past the ten {@link Map#of} takes at once. */
    private static final Map<Class<?>, String> MORE_REVISIONS = Map.of(TopicAdded.class, "2",
            DelegateRegistered.class, "2");

    private static String revision(Object event) {
        return REVISIONS.getOrDefault(event.getClass(), MORE_REVISIONS.getOrDefault(event.getClass(), "1"));
    }

    @Test
    void theSamplesCoverEveryEventType() {
        assertThat(oneOfEach()).extracting(Object::getClass).map(Class.class::cast)
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(NegotiationEvent.class.getPermittedSubclasses()));
    }

    @Test
    void everyEventRoundTripsToAnEqualRecord() {
        JacksonSerializer serializer = LedgerSerialization.serializer();
        for (NegotiationEvent event : oneOfEach()) {
            SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
            Object back = serializer.deserialize(serialized);
            assertThat(back).as(event.getClass().getSimpleName()).isEqualTo(event);
            assertThat(serialized.getType().getRevision()).as("revision of " + event.getClass().getSimpleName())
                    .isEqualTo(revision(event));
        }
    }

    @Test
    void datesAndNumbersAreStoredAsAReaderWritesThem() {
        String json = new String(LedgerSerialization.serializer().serialize(oneOfEach().get(4), byte[].class)
                .getData(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"effectiveOn\":\"2025-05-16\"", "\"value\":4.5",
                "Мы поддерживаем идею длительного прекращения огня");
    }

    @Test
    void derivedFactsAreNotPartOfTheStoredForm() {
        JacksonSerializer serializer = LedgerSerialization.serializer();
        for (NegotiationEvent event : oneOfEach()) {
            String json = new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
            assertThat(json).as(event.getClass().getSimpleName())
                    .doesNotContain("\"effectiveDate\"", "\"involvedParties\"", "\"empty\"", "\"transfer\"",
                            "\"low\"", "\"high\"");
        }
    }

    @Test
    void eachEventNamesItsEffectiveDateAndTheParties() {
        List<NegotiationEvent> events = oneOfEach();
        assertThat(events).extracting(NegotiationEvent::effectiveDate)
                .containsExactly(DAY, DAY, null, null, DAY, DAY, null, DAY, DAY, DAY, DAY, DAY, DAY, DAY, DAY, DAY,
                        DAY, DAY, null, null, null, null, DAY, DAY, DAY, DAY, DAY, null);
        assertThat(events).extracting(NegotiationEvent::involvedParties).containsExactly(
                List.of(), List.of("tr"), List.of("ua"), List.of(), List.of("ua", "ru"), List.of("ua"), List.of("ua"),
                List.of("ua", "ru", "tr"), List.of("ua", "ru"), List.of("ua", "ru"), List.of("ru", "ua"),
                List.of("ru", "ua"), List.of(), List.of("tr"), List.of("us"), List.of("ua"), List.of("ua", "ru"),
                List.of(), List.of("ua", "ru"), List.of("ua", "ru", "tr"), List.of("ua", "ru", "tr"),
                List.of("ua", "ru", "tr"), List.of("ua", "ru"), List.of("ua"), List.of("ua", "ru"), List.of("ua", "ru"),
                List.of("ua"), List.of());
    }
}
