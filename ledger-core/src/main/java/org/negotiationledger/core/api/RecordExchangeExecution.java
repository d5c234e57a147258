package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Records one stage of an agreed exchange being carried out. An all-for-all exchange has no
 * numbers to reach, so its last stage says it completes the exchange.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RecordExchangeExecution(@TargetAggregateIdentifier @Required String negotiationId,
                                      @Required String exchangeId, int stage, @Required LocalDate executedOn,
                                      @Required Map<String, Integer> released, boolean completes, String note,
                                      @Required Instant recordedAt) implements NegotiationCommand {
}
