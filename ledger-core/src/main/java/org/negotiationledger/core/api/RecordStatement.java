package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Records a party's public position on a topic, as a source reported it. The delegate is optional:
 * a ministry's communiqué speaks for the party without one.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RecordStatement(@TargetAggregateIdentifier String negotiationId, String statementId,
                              String partyId, String delegateId, String topicId, Stance stance,
                              String summary, String conditions, Offer offer, LocalDate effectiveOn,
                              Source source, String note, Instant recordedAt) implements NegotiationCommand {
}
