package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A package of topics to be agreed or refused together was put on the table. */
@Revision("1")
public record PackageProposed(@Required String negotiationId, @Required String packageId, @Required String title,
                              @Required List<String> topicIds, String proposedBy, @Required LocalDate proposedOn,
                              String terms, List<Source> sources) implements NegotiationEvent {

    public PackageProposed {
        topicIds = Collections2.list(topicIds);
        sources = Collections2.list(sources);
    }

    @Override
    public LocalDate effectiveDate() {
        return proposedOn;
    }

    @Override
    public List<String> involvedParties() {
        return proposedBy == null ? List.of() : List.of(proposedBy);
    }
}
