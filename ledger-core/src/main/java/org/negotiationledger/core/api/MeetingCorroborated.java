package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Reports found after a meeting was recorded were added to it: {@code sources}, and, when rows of
 * event data corroborate a meeting a person recorded, what the machine coded.
 */
@Revision("1")
public record MeetingCorroborated(@Required String negotiationId, @Required String meetingId,
                                  @Required String corroborationId, List<String> partyIds,
                                  @Required List<Source> sources, EventCoding coding) implements NegotiationEvent {

    public MeetingCorroborated {
        partyIds = Collections2.list(partyIds);
        sources = Collections2.list(sources);
    }

    @Override
    public List<String> involvedParties() {
        return partyIds;
    }
}
