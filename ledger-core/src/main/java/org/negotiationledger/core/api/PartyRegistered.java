package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A party registered. Revision 2 added {@code joinedOn}, the day it joined; without it (and in
 * every revision-1 event) it took part from the opening.
 */
@Revision("2")
public record PartyRegistered(@Required String negotiationId, @Required String partyId, @Required String name,
                              @Required PartyRole role, LocalDate joinedOn) implements NegotiationEvent {

    /** A party there from the opening. */
    public PartyRegistered(String negotiationId, String partyId, String name, PartyRole role) {
        this(negotiationId, partyId, name, role, null);
    }

    @Override
    public LocalDate effectiveDate() {
        return joinedOn;
    }


    @Override
    public List<String> involvedParties() {
        return List.of(partyId);
    }
}
