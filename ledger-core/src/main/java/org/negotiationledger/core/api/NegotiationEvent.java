package org.negotiationledger.core.api;

/**
 * Everything that can happen to a negotiation, in one place. Each event is immutable and
 * carries the negotiation it belongs to; when it was recorded is the event's timestamp.
 */
public sealed interface NegotiationEvent
        permits NegotiationOpened, PartyRegistered, DelegateRegistered, TopicAdded,
                StatementRecorded, StatementCorrected, StatementRetracted, MeetingHeld,
                ExchangeProposed, ExchangeAgreed, ExchangeExecutionRecorded, ExchangeCompleted,
                NegotiationClosed {

    String negotiationId();
}
