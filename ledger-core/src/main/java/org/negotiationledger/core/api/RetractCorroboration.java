package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Withdraws the reports a corroboration added to a meeting, with the reason (an import of event data
 * taken back, a report found false); the meeting stays. {@code recordedAt} is when the ledger
 * received the command.
 */
public record RetractCorroboration(@TargetAggregateIdentifier @Required String negotiationId,
                                   @Required String meetingId, @Required String corroborationId,
                                   @Required String reason, @Required Instant recordedAt)
        implements NegotiationCommand {
}
