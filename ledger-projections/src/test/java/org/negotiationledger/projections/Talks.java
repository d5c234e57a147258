package org.negotiationledger.projections;

import org.negotiationledger.core.api.DelegateRegistered;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.ExchangeCompleted;
import org.negotiationledger.core.api.ExchangeExecutionRecorded;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.ExchangeKind;
import org.negotiationledger.core.api.ExchangeTerms;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementChanges;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;
import org.negotiationledger.core.api.TopicAdded;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Events of small negotiations for the view tests, modelled on the Istanbul talks of 2025. */
public final class Talks {

    public static final String N = "ru-ua-2025";
    public static final Source ARTICLE = new Source("Example News", "Istanbul talks", "https://example.org/istanbul",
            LocalDate.parse("2025-06-27"), "ru", "«цитата»");

    private Talks() {
    }

    /** A negotiation opened on 2025-05-16 with Ukraine, Russia, Turkey as mediator, and three topics. */
    public static History opened() {
        return new History().at("2025-05-16T08:00:00Z").append(
                new NegotiationOpened(N, "Russia–Ukraine talks 2025", "Direct talks in Istanbul", day("2025-05-16")),
                new PartyRegistered(N, "ua", "Ukraine", PartyRole.PARTY),
                new PartyRegistered(N, "ru", "Russia", PartyRole.PARTY),
                new PartyRegistered(N, "tr", "Turkey", PartyRole.MEDIATOR),
                new DelegateRegistered(N, "umerov", "Rustem Umerov", "ua", "Minister of Defence"),
                new DelegateRegistered(N, "medinsky", "Vladimir Medinsky", "ru", "Presidential aide"),
                new TopicAdded(N, "ceasefire", "Ceasefire", null),
                new TopicAdded(N, "prisoner-exchange", "Prisoner exchange", "Exchanges of prisoners of war"),
                new TopicAdded(N, "leaders-meeting", "Leaders' meeting", null));
    }

    /** The whole story: two rounds, statements, corrections, the 1000-for-1000 and the all-for-all exchange. */
    public static History istanbul() {
        return opened()
                .at("2025-05-16T18:00:00Z").append(
                        meeting("istanbul-1", "2025-05-16"),
                        statement("s-1", "ua", "ceasefire", Stance.DEMANDS, "A full 30-day ceasefire first",
                                "2025-05-16"),
                        statement("s-2", "ru", "ceasefire", Stance.REJECTS, "No ceasefire before a memorandum",
                                "2025-05-16"),
                        new ExchangeProposed(N, "pow-1", "ua", day("2025-05-16"),
                                ExchangeTerms.numbered(ExchangeKind.PRISONERS, Map.of("ua", 1000, "ru", 1000))),
                        new ExchangeAgreed(N, "pow-1", List.of("ua", "ru"), day("2025-05-16"), "istanbul-1"))
                .at("2025-05-23T20:00:00Z").append(execution("pow-1", 1, "2025-05-23", 390, 390, 390, 390))
                .at("2025-05-24T20:00:00Z").append(execution("pow-1", 2, "2025-05-24", 307, 307, 697, 697))
                .at("2025-05-25T20:00:00Z").append(execution("pow-1", 3, "2025-05-25", 303, 303, 1000, 1000),
                        new ExchangeCompleted(N, "pow-1", day("2025-05-25"), Map.of("ua", 1000, "ru", 1000)))
                .at("2025-06-02T18:00:00Z").append(
                        meeting("istanbul-2", "2025-06-02"),
                        new ExchangeProposed(N, "pow-2", "ua", day("2025-06-02"),
                                ExchangeTerms.allForAll(ExchangeKind.PRISONERS,
                                List.of("ua", "ru"), List.of("seriously ill", "wounded", "under 25"))),
                        new ExchangeAgreed(N, "pow-2", List.of("ua", "ru"), day("2025-06-02"), "istanbul-2"),
                        statement("s-3", "ru", "leaders-meeting", Stance.CONDITIONAL,
                                "A leaders' meeting only at the final stage", "2025-06-02"),
                        statement("s-4", "ua", "ceasefire", Stance.SUPPORTS, "Supports a long ceasefire",
                                "2025-06-02"))
                .at("2025-06-10T09:00:00Z").append(
                        new StatementCorrected(N, "s-3", "c-1", "ru", "leaders-meeting",
                                new StatementChanges(null, "A leaders' meeting only to sign a final agreement",
                                        null, "an agreed final text", null), "closer to the quote"));
    }

    public static StatementRecorded statement(String id, String party, String topic, Stance stance, String summary,
                                              String effectiveOn) {
        return new StatementRecorded(N, id, party, "ua".equals(party) ? "umerov" : null, topic, stance, summary, null,
                null, day(effectiveOn), List.of(ARTICLE), null);
    }

    public static StatementRecorded offer(String id, String party, String topic, Offer offer, String effectiveOn) {
        return new StatementRecorded(N, id, party, null, topic, Stance.PROPOSES, "offers " + offer.value(), null,
                offer, day(effectiveOn), List.of(ARTICLE), null);
    }

    public static StatementCorrected correction(String statementId, String party, String topic,
                                                StatementChanges changes, String reason) {
        return new StatementCorrected(N, statementId, "c-" + statementId, party, topic, changes, reason);
    }

    public static StatementRetracted retraction(String statementId, String party, String topic, String reason) {
        return new StatementRetracted(N, statementId, party, topic, reason);
    }

    public static MeetingHeld meeting(String id, String heldOn) {
        return new MeetingHeld(N, id, day(heldOn), "Istanbul", MeetingLevel.DELEGATIONS, List.of("ua", "ru"),
                List.of("tr"), Map.of("ua", "umerov", "ru", "medinsky"), List.of("ceasefire", "prisoner-exchange"),
                "Round in Istanbul");
    }

    static ExchangeExecutionRecorded execution(String exchange, int stage, String on, int ua, int ru, int uaTotal,
                                               int ruTotal) {
        return new ExchangeExecutionRecorded(N, exchange, stage, day(on), Map.of("ua", ua, "ru", ru),
                Map.of("ua", uaTotal, "ru", ruTotal), false, null);
    }

    public static LocalDate day(String date) {
        return LocalDate.parse(date);
    }
}
