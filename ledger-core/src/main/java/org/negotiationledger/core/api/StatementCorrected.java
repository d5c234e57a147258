package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A correction of a statement: only the changed fields are set in {@code changes}. Revision 2
 * added {@code validUntil} to the changes and ranges to their offer; revision 3 added
 * {@code sources}, which a correction may replace (an earlier revision's correction kept them).
 */
@Revision("3")
public record StatementCorrected(@Required String negotiationId, @Required String statementId, String correctionId,
                                 @Required String partyId, @Required String topicId, @Required StatementChanges changes,
                                 @Required String reason) implements NegotiationEvent {

    /** The new effective date when the correction moves the statement in time, otherwise none. */
    @Override
    public LocalDate effectiveDate() {
        return changes.effectiveOn();
    }

    @Override
    public List<String> involvedParties() {
        return List.of(partyId);
    }
}
