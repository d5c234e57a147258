package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Adds a subject the parties take positions on.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record AddTopic(@TargetAggregateIdentifier @Required String negotiationId, @Required String topicId,
                       @Required String title, String description, @Required Instant recordedAt)
        implements NegotiationCommand {
}
