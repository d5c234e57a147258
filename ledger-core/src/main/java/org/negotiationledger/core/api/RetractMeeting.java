package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Withdraws a recorded meeting, e.g. one a machine coded from reports that were wrong; it stays in
 * the history, marked retracted, and no statement may be recorded at it any more.
 * {@code recordedAt} is when the ledger received the command.
 */
public record RetractMeeting(@TargetAggregateIdentifier @Required String negotiationId, @Required String meetingId,
                             @Required String reason, @Required Instant recordedAt) implements NegotiationCommand {
}
