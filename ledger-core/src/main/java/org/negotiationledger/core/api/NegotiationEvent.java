package org.negotiationledger.core.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything that can happen to a negotiation, in one place. Each event is immutable and
 * carries the negotiation it belongs to; when it was recorded is the event's timestamp.
 */
public sealed interface NegotiationEvent
        permits NegotiationOpened, PartyRegistered, DelegateRegistered, TopicAdded,
                StatementRecorded, StatementCorrected, StatementRetracted, MeetingHeld,
                ExchangeProposed, ExchangeAgreed, ExchangeExecutionRecorded, ExchangeCompleted,
                NegotiationClosed, PartyLeft, PartyRoleChanged, DelegateTitleChanged, OutcomeRecorded,
                OutcomeStatusRecorded, OutcomeRetracted, MeetingRetracted, MeetingCorroborated,
                CorroborationRetracted, AgreementSigned, PackageProposed, BodyCreated, BodyDissolved,
                AccountRecorded, AccountRetracted {

    String negotiationId();

    /** When what the event records was said or happened (valid time), where it has such a date. */
    default LocalDate effectiveDate() {
        return null;
    }

    /** The parties the event is about, for filtering a negotiation's history by party. */
    default List<String> involvedParties() {
        return List.of();
    }
}
