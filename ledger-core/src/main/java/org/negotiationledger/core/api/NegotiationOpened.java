package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record NegotiationOpened(@Required String negotiationId, @Required String title, String description,
                                @Required LocalDate openedOn) implements NegotiationEvent {

    @Override
    public LocalDate effectiveDate() {
        return openedOn;
    }
}
