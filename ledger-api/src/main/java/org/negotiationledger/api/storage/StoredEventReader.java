package org.negotiationledger.api.storage;

import org.negotiationledger.projections.support.Rows;
import org.negotiationledger.projections.support.StoredPayloads;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The payloads of stored events by global position, as the ledger loads them ({@link EventRows.Row#loadedPayload}). */
@Component
class StoredEventPayloads implements StoredPayloads {

    private final EventRows rows;

    StoredEventPayloads(EventRows rows) {
        this.rows = rows;
    }

    @Override
    public Map<Long, String> json(Collection<Long> positions) {
        Map<Long, String> payloads = new HashMap<>();
        rows.at(positions).forEach((position, row) -> payloads.put(position, Rows.json(row.loadedPayload())));
        return payloads;
    }
}
