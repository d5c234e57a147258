package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records a body the negotiation set up (a working group, a monitoring mission, an implementation
 * committee ...): its name, kind, mandate, the day it was created, its members, the topics it works
 * on, and the agreement or meeting that made it, with every report of it. {@code recordedAt} is when
 * the ledger received the command.
 */
public record CreateBody(@TargetAggregateIdentifier @Required String negotiationId, @Required String bodyId,
                         @Required String name, @Required BodyKind kind, String mandate,
                         @Required LocalDate createdOn, @Required List<BodyMember> members, List<String> topicIds,
                         String agreementId, String meetingId, List<Source> sources,
                         @Required Instant recordedAt) implements NegotiationCommand {
}
