package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Registers a side, a mediator or an observer of the negotiation, from the day it joined
 * ({@code joinedOn}; none: from the opening).
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RegisterParty(@TargetAggregateIdentifier @Required String negotiationId, @Required String partyId,
                            @Required String name, @Required PartyRole role, LocalDate joinedOn,
                            @Required Instant recordedAt) implements NegotiationCommand {

    /** A party there from the opening. */
    public RegisterParty(String negotiationId, String partyId, String name, PartyRole role, Instant recordedAt) {
        this(negotiationId, partyId, name, role, null, recordedAt);
    }
}
