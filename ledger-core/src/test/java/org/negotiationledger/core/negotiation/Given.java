package org.negotiationledger.core.negotiation;

import org.negotiationledger.core.api.AgreeExchange;
import org.negotiationledger.core.api.DelegateRegistered;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.ExchangeKind;
import org.negotiationledger.core.api.ExchangeTerms;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.RecordStatement;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.TopicAdded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The Istanbul talks of 2025 as the aggregate tests know them: a negotiation opened on 16 May,
 * recorded on the day the article was published.
 */
final class Given {

    static final String NEGOTIATION = "ru-ua-2025";
    static final LocalDate OPENED_ON = LocalDate.parse("2025-05-16");
    static final Instant RECORDED_AT = Instant.parse("2025-06-27T10:00:00Z");
    static final Source ARTICLE = new Source("NV", "Umerov on the talks", "https://example.org/article",
            LocalDate.parse("2025-06-27"), "ru", "Мы поддерживаем идею длительного прекращения огня");

    private Given() {
    }

    static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    static NegotiationOpened opened() {
        return new NegotiationOpened(NEGOTIATION, "Russia–Ukraine talks 2025", "Istanbul rounds", OPENED_ON);
    }

    static PartyRegistered party(String id, PartyRole role) {
        return new PartyRegistered(NEGOTIATION, id, id.toUpperCase(), role);
    }

    static DelegateRegistered delegate(String id, String partyId) {
        return new DelegateRegistered(NEGOTIATION, id, id, partyId, "head of delegation");
    }

    static TopicAdded topic(String id) {
        return new TopicAdded(NEGOTIATION, id, id, null);
    }

    /** Ukraine, Russia and Turkey as mediator; Umerov, Zelensky and Medinsky; two topics. */
    static Object[] istanbul() {
        return new Object[]{
                opened(),
                party("ua", PartyRole.PARTY), party("ru", PartyRole.PARTY), party("tr", PartyRole.MEDIATOR),
                delegate("umerov", "ua"), delegate("zelensky", "ua"), delegate("medinsky", "ru"),
                topic("ceasefire"), topic("prisoner-exchange")};
    }

    static RecordStatement statement(String id, String partyId, String delegateId, String topicId,
                                     LocalDate effectiveOn) {
        return new RecordStatement(NEGOTIATION, id, partyId, delegateId, topicId, Stance.SUPPORTS,
                "supports a long ceasefire", null, null, effectiveOn, List.of(ARTICLE), null, RECORDED_AT);
    }

    static StatementRecorded recorded(RecordStatement command) {
        return new StatementRecorded(NEGOTIATION, command.statementId(), command.partyId(), command.delegateId(),
                command.topicId(), command.stance(), command.summary(), command.conditions(), command.offer(),
                command.effectiveOn(), command.sources(), command.note());
    }

    /** The negotiation closed on that day, suspended, without a summary. */
    static NegotiationClosed closedOn(String date) {
        return new NegotiationClosed(NEGOTIATION, Outcome.SUSPENDED, day(date), null);
    }

    /** What a closed negotiation answers to anything but a correction. */
    static String closedRefusal(String date) {
        return "negotiation 'ru-ua-2025' was closed on " + date + " and accepts nothing but corrections and retractions";
    }

    static StatementRecorded umerovOnCeasefire() {
        return recorded(statement("s-1", "ua", "umerov", "ceasefire", day("2025-06-27")));
    }

    static MeetingHeld firstRound() {
        return new MeetingHeld(NEGOTIATION, "istanbul-1", OPENED_ON, "Istanbul", MeetingLevel.DELEGATIONS,
                List.of("ua", "ru"), List.of("tr"), Map.of("ua", "umerov", "ru", "medinsky"),
                List.of("ceasefire", "prisoner-exchange"), "first direct talks in three years");
    }

    static ExchangeProposed thousandForThousand() {
        return new ExchangeProposed(NEGOTIATION, "pow-1", "ua", OPENED_ON,
                ExchangeTerms.numbered(ExchangeKind.PRISONERS, Map.of("ua", 1000, "ru", 1000)));
    }

    static ExchangeProposed allForAll() {
        return new ExchangeProposed(NEGOTIATION, "pow-2", "ua", day("2025-06-02"),
                ExchangeTerms.allForAll(ExchangeKind.PRISONERS, List.of("ua", "ru"),
                        List.of("seriously ill", "wounded", "under 25")));
    }

    static AgreeExchange agree(String exchangeId, LocalDate agreedOn, String... partyIds) {
        return new AgreeExchange(NEGOTIATION, exchangeId, List.of(partyIds), agreedOn, null, RECORDED_AT);
    }

    static ExchangeAgreed agreed(String exchangeId, LocalDate agreedOn, String... partyIds) {
        return new ExchangeAgreed(NEGOTIATION, exchangeId, List.of(partyIds), agreedOn, null);
    }

    static Offer prisoners(long count) {
        return Offer.of(count, "prisoners");
    }
}
