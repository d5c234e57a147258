package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record NegotiationClosed(@Required String negotiationId, @Required Outcome outcome, @Required LocalDate closedOn,
                                String summary) implements NegotiationEvent {

    @Override
    public LocalDate effectiveDate() {
        return closedOn;
    }
}
