package org.negotiationledger.api.events;

import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * An event read from the store and what the stream sends for it: the event as streamed, with the
 * cursor after it, and its JSON, written once however many subscribers it goes to.
 */
record Outgoing(TrackedEventMessage<?> message, StreamedEvent event, String json) {
}
