package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Records a delegate's new title from a day on; statements before it keep the title of their day.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record ChangeDelegateTitle(@TargetAggregateIdentifier @Required String negotiationId,
                                  @Required String delegateId, @Required String title, @Required LocalDate since,
                                  @Required Instant recordedAt) implements NegotiationCommand {
}
