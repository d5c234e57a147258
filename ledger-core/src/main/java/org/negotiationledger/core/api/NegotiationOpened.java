package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record NegotiationOpened(String negotiationId, String title, String description,
                                LocalDate openedOn) implements NegotiationEvent {

    @Override
    public LocalDate effectiveDate() {
        return openedOn;
    }
}
