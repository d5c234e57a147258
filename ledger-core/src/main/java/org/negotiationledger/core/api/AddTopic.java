package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Adds a subject the parties take positions on, from {@code addedOn} (null: from the opening).
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record AddTopic(@TargetAggregateIdentifier @Required String negotiationId, @Required String topicId,
                       @Required String title, String description, LocalDate addedOn, @Required Instant recordedAt)
        implements NegotiationCommand {

    /** A topic there from the opening. */
    public AddTopic(String negotiationId, String topicId, String title, String description, Instant recordedAt) {
        this(negotiationId, topicId, title, description, null, recordedAt);
    }
}
