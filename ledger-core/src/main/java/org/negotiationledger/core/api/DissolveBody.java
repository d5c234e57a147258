package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records that a body was dissolved on a day, why, and every report of it; taken after the
 * negotiation's closure too, since a body set up to carry out an agreement outlives the talks.
 * {@code recordedAt} is when the ledger received the command.
 */
public record DissolveBody(@TargetAggregateIdentifier @Required String negotiationId, @Required String bodyId,
                           @Required LocalDate dissolvedOn, String reason, List<Source> sources,
                           @Required Instant recordedAt) implements NegotiationCommand {
}
