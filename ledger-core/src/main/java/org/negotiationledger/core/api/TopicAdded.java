package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TopicAdded(String negotiationId, String topicId, String title,
                         String description) implements NegotiationEvent {
}
