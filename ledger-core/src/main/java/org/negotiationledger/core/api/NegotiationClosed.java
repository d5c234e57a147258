package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record NegotiationClosed(String negotiationId, Outcome outcome, LocalDate closedOn,
                                String summary) implements NegotiationEvent {

    @Override
    public LocalDate effectiveDate() {
        return closedOn;
    }
}
