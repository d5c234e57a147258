package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The negotiation set up a body: a working group, a monitoring mission, a committee. */
@Revision("1")
public record BodyCreated(@Required String negotiationId, @Required String bodyId, @Required String name,
                          @Required BodyKind kind, String mandate, @Required LocalDate createdOn,
                          @Required List<BodyMember> members, List<String> topicIds, String agreementId,
                          String meetingId, List<Source> sources) implements NegotiationEvent {

    public BodyCreated {
        members = Collections2.list(members);
        topicIds = Collections2.list(topicIds);
        sources = Collections2.list(sources);
    }

    /** The parties in the body, each once, in the order named. */
    public List<String> partyIds() {
        return members.stream().map(BodyMember::partyId).distinct().toList();
    }

    @Override
    public LocalDate effectiveDate() {
        return createdOn;
    }

    @Override
    public List<String> involvedParties() {
        return partyIds();
    }
}
