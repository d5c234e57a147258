package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records that parties reached an agreement on topics, or explicitly did not.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RecordOutcome(@TargetAggregateIdentifier String negotiationId, String outcomeId, OutcomeKind kind,
                            List<String> topicIds, List<String> partyIds, String terms, LocalDate reachedOn,
                            String meetingId, Source source, Instant recordedAt) implements NegotiationCommand {
}
