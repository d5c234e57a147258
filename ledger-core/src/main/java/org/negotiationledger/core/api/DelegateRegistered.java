package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A person speaks or acts for a party. Revision 2 added {@code since}: the day the delegate began
 * to, when later than the opening; a delegate of revision 1 did from the opening.
 */
@Revision("2")
public record DelegateRegistered(@Required String negotiationId, @Required String delegateId, @Required String name,
                                 @Required String partyId, String title, LocalDate since) implements NegotiationEvent {

    /** A delegate from the opening. */
    public DelegateRegistered(String negotiationId, String delegateId, String name, String partyId, String title) {
        this(negotiationId, delegateId, name, partyId, title, null);
    }

    @Override
    public LocalDate effectiveDate() {
        return since;
    }

    @Override
    public List<String> involvedParties() {
        return List.of(partyId);
    }
}
