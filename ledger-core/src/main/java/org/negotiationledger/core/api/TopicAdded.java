package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TopicAdded(@Required String negotiationId, @Required String topicId, @Required String title,
                         String description) implements NegotiationEvent {
}
