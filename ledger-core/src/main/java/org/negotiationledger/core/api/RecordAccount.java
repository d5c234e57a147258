package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Records one account of a record that sources tell differently ("one side reports 1,200 released,
 * the other 1,000"): the record, the part of it the account concerns ({@code field}, in words), the
 * wording or the figure (with its unit) as this account gives it, the party whose account it is, if
 * one, and its sources, at least one. Accounts stand side by side; none replaces the record or
 * another account. Taken after the negotiation's closure too. {@code recordedAt} is when the ledger
 * received the command.
 */
public record RecordAccount(@TargetAggregateIdentifier @Required String negotiationId, @Required String accountId,
                            @Required String recordId, String field, String text, BigDecimal value, String unit,
                            String reportedBy, List<Source> sources, @Required Instant recordedAt)
        implements NegotiationCommand {
}
