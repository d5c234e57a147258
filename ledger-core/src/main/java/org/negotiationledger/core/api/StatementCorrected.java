package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

/** A correction of a statement: only the changed fields are set in {@code changes}. */
@Revision("1")
public record StatementCorrected(String negotiationId, String statementId, String correctionId, String partyId,
                                 String topicId, StatementChanges changes, String reason)
        implements NegotiationEvent {
}
