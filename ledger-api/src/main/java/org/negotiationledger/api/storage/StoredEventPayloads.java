package org.negotiationledger.api.storage;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.negotiationledger.core.serialization.EventUpcasters;
import org.negotiationledger.core.serialization.LedgerSerialization;
import org.negotiationledger.projections.support.Rows;
import org.negotiationledger.projections.support.StoredPayloads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The payloads of stored events by global position, upcast and read as the ledger loads them, many per query. */
@Component
class StoredEventPayloads implements StoredPayloads {

    private static final int PER_QUERY = 500;
    private static final Serializer EVENTS = LedgerSerialization.serializer();
    private static final EventUpcasterChain UPCASTERS = new EventUpcasterChain(EventUpcasters.all());

    private final JdbcTemplate jdbc;

    StoredEventPayloads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> json(Collection<Long> positions) {
        List<Long> wanted = List.copyOf(positions);
        Map<Long, String> payloads = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += PER_QUERY) {
            Object[] chunk = wanted.subList(from, Math.min(wanted.size(), from + PER_QUERY)).toArray();
            jdbc.query(connection -> {
                PreparedStatement query = connection.prepareStatement("SELECT globalindex, aggregateidentifier, "
                        + "sequencenumber, eventidentifier, timestamp, payloadtype, payloadrevision, payload, metadata "
                        + "FROM domainevententry WHERE globalindex = ANY (?)");
                query.setArray(1, connection.createArrayOf("BIGINT", chunk));
                return query;
            }, (ResultSet row) -> {
                payloads.put(row.getLong("globalindex"), json(new GenericDomainEventEntry<>(EventRows.AGGREGATE_TYPE,
                        row.getString("aggregateidentifier"), row.getLong("sequencenumber"),
                        row.getString("eventidentifier"), row.getString("timestamp"), row.getString("payloadtype"),
                        row.getString("payloadrevision"), row.getBytes("payload"), row.getBytes("metadata"))));
            });
        }
        return payloads;
    }

    private static String json(DomainEventData<byte[]> stored) {
        return Rows.json(EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), EVENTS, UPCASTERS)
                .next().getPayload());
    }
}
