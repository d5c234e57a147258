package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Records that a party left the negotiation on a day; it stays in the history before it.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RecordPartyLeaving(@TargetAggregateIdentifier @Required String negotiationId, @Required String partyId,
                                 @Required LocalDate leftOn, String note, @Required Instant recordedAt)
        implements NegotiationCommand {
}
