package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A body of the negotiation was dissolved; {@code partyIds} are its members' parties. */
@Revision("1")
public record BodyDissolved(@Required String negotiationId, @Required String bodyId, @Required LocalDate dissolvedOn,
                            String reason, List<Source> sources, @Required List<String> partyIds)
        implements NegotiationEvent {

    public BodyDissolved {
        sources = Collections2.list(sources);
        partyIds = Collections2.list(partyIds);
    }

    @Override
    public LocalDate effectiveDate() {
        return dissolvedOn;
    }

    @Override
    public List<String> involvedParties() {
        return partyIds;
    }
}
