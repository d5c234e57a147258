package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Records one stage of an agreed exchange being carried out. An all-for-all exchange has no
 * numbers to reach, so its last stage says it completes the exchange. {@code sources} are every
 * report of the stage.
 * {@code recordedAt} is when the ledger received the command; effective dates may not lie after it.
 */
public record RecordExchangeExecution(@TargetAggregateIdentifier @Required String negotiationId,
                                      @Required String exchangeId, int stage, @Required LocalDate executedOn,
                                      @Required Map<String, Integer> released, boolean completes, String note,
                                      List<Source> sources, @Required Instant recordedAt)
        implements NegotiationCommand {

    /** A stage without sources. */
    public RecordExchangeExecution(String negotiationId, String exchangeId, int stage, LocalDate executedOn,
                                   Map<String, Integer> released, boolean completes, String note, Instant recordedAt) {
        this(negotiationId, exchangeId, stage, executedOn, released, completes, note, null, recordedAt);
    }
}
