package org.negotiationledger.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records an agreement the parties signed: a document with its title, the day, its stage, the
 * signatories and what it provides on each topic. It is the outcome on each topic it provides for,
 * and an exchange a provision names is agreed by it. {@code recordedAt} is when the ledger received
 * the command.
 */
public record SignAgreement(@TargetAggregateIdentifier @Required String negotiationId,
                            @Required String agreementId, @Required String title, @Required LocalDate signedOn,
                            @Required AgreementStage stage, @Required List<Signatory> signatories,
                            @Required List<Provision> provisions, String meetingId, List<Source> sources,
                            @Required Instant recordedAt) implements NegotiationCommand {
}
