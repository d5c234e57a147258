package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Registers a person who speaks or acts for a party, from {@code since} (null: from the opening).
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RegisterDelegate(@TargetAggregateIdentifier @Required String negotiationId, @Required String delegateId,
                               @Required String name, @Required String partyId, String title, LocalDate since,
                               @Required Instant recordedAt) implements NegotiationCommand {

    /** A delegate from the opening. */
    public RegisterDelegate(String negotiationId, String delegateId, String name, String partyId, String title,
                            Instant recordedAt) {
        this(negotiationId, delegateId, name, partyId, title, null, recordedAt);
    }
}
