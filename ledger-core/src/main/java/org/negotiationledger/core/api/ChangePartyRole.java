package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Records a party's new role from a day on; the views show the role it had on the day asked about.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record ChangePartyRole(@TargetAggregateIdentifier @Required String negotiationId, @Required String partyId,
                              @Required PartyRole role, @Required LocalDate since, @Required Instant recordedAt)
        implements NegotiationCommand {
}
