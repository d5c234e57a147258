package org.negotiationledger.api.commands;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds the negotiation a command targets from the command itself, and the version the client
 * expects (its If-Match) from the metadata, so that the commands stay free of transport concerns.
 */
class ExpectedVersionTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver byAnnotation = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = byAnnotation.resolveTarget(command);
        Object expected = command.getMetaData().get(CommandMetadata.EXPECTED_SEQUENCE);
        if (expected == null) {
            return target;
        }
        return new VersionedAggregateIdentifier(target.getIdentifierValue(), ((Number) expected).longValue());
    }
}
