package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record StatementRecorded(String negotiationId, String statementId, String partyId, String delegateId,
                                String topicId, Stance stance, String summary, String conditions, Offer offer,
                                LocalDate effectiveOn, Source source, String note) implements NegotiationEvent {

    @Override
    public LocalDate effectiveDate() {
        return effectiveOn;
    }

    @Override
    public List<String> involvedParties() {
        return List.of(partyId);
    }
}
