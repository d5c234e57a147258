package org.negotiationledger.api.storage;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Revision;
import org.negotiationledger.core.api.EventMetadata;
import org.negotiationledger.projections.support.Rows;
import org.negotiationledger.projections.support.StoredEvents;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Stored events by global position, as the ledger loads them ({@link EventRows.Row#loaded}). */
@Component
class StoredEventReader implements StoredEvents {

    private final EventRows rows;

    StoredEventReader(EventRows rows) {
        this.rows = rows;
    }

    @Override
    public Map<Long, StoredEvent> at(Collection<Long> positions) {
        Map<Long, StoredEvent> events = new HashMap<>();
        rows.at(positions).forEach((position, row) -> {
            DomainEventMessage<?> event = row.loaded();
            Revision revision = event.getPayloadType().getAnnotation(Revision.class);
            events.put(position, new StoredEvent(event.getIdentifier(), revision == null ? null : revision.value(),
                    metadata(event, EventMetadata.RECORDED_BY), metadata(event, EventMetadata.CORRELATION_ID),
                    Rows.json(event.getPayload())));
        });
        return events;
    }

    private static String metadata(DomainEventMessage<?> event, String key) {
        return Objects.toString(event.getMetaData().get(key), null);
    }
}
