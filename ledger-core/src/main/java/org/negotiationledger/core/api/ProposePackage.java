package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records a package: topics to be agreed or refused together ("nothing is agreed until everything
 * is agreed"), proposed on a day, by a party or by none in particular, with its terms and every
 * report of it. {@code recordedAt} is when the ledger received the command.
 */
public record ProposePackage(@TargetAggregateIdentifier @Required String negotiationId,
                             @Required String packageId, @Required String title, @Required List<String> topicIds,
                             String proposedBy, @Required LocalDate proposedOn, String terms, List<Source> sources,
                             @Required Instant recordedAt) implements NegotiationCommand {
}
