package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Adds reports found after a meeting was recorded ({@code sources}, at least one) to it, under an id
 * of their own, so that they can be retracted on their own. {@code coding} is set when rows of event
 * data corroborate a meeting a person recorded. {@code recordedAt} is when the ledger received the
 * command.
 */
public record CorroborateMeeting(@TargetAggregateIdentifier @Required String negotiationId,
                                 @Required String meetingId, @Required String corroborationId,
                                 @Required List<Source> sources, EventCoding coding,
                                 @Required Instant recordedAt) implements NegotiationCommand {
}
