package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A party stopped taking part; from {@code leftOn} it is no longer among the parties present. */
@Revision("1")
public record PartyLeft(@Required String negotiationId, @Required String partyId, @Required LocalDate leftOn,
                        String note) implements NegotiationEvent {

    @Override
    public LocalDate effectiveDate() {
        return leftOn;
    }

    @Override
    public List<String> involvedParties() {
        return List.of(partyId);
    }
}
