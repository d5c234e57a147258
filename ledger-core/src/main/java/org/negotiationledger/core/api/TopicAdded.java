package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A subject came on the table. Revision 2 added {@code addedOn}: the day it did, when later than
 * the opening; a topic of revision 1 was there from the opening.
 */
@Revision("2")
public record TopicAdded(@Required String negotiationId, @Required String topicId, @Required String title,
                         String description, LocalDate addedOn) implements NegotiationEvent {

    /** A topic there from the opening. */
    public TopicAdded(String negotiationId, String topicId, String title, String description) {
        this(negotiationId, topicId, title, description, null);
    }

    @Override
    public LocalDate effectiveDate() {
        return addedOn;
    }
}
