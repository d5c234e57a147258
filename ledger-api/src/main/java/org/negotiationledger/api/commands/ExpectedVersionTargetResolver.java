package org.negotiationledger.api.commands;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.negotiationledger.core.api.NegotiationCommand;

/**
 * Finds the negotiation a command targets from the command itself, and the version the client
 * expects (its If-Match) from the metadata, so that the commands stay free of transport concerns.
 */
class ExpectedVersionTargetResolver implements CommandTargetResolver {

    /** For a command that is no {@link NegotiationCommand}: slower, it looks for the annotation every time. */
    private final CommandTargetResolver byAnnotation = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        String negotiationId = command.getPayload() instanceof NegotiationCommand negotiationCommand
                ? negotiationCommand.negotiationId()
                : byAnnotation.resolveTarget(command).getIdentifier();
        Object expected = command.getMetaData().get(CommandMetadata.EXPECTED_SEQUENCE);
        return new VersionedAggregateIdentifier(negotiationId,
                expected == null ? null : ((Number) expected).longValue());
    }
}
