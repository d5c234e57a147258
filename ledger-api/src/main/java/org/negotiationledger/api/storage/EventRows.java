package org.negotiationledger.api.storage;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.negotiationledger.core.serialization.EventUpcasters;
import org.negotiationledger.core.serialization.LedgerSerialization;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The stored rows of each negotiation's events, byte for byte, as the hash chain needs them. */
@Component
public class EventRows {

    /** The aggregate type every event of the store has. */
    public static final String AGGREGATE_TYPE = "Negotiation";
    /** Rows fetched from the database at a time while a negotiation's history is walked. */
    private static final int FETCH_SIZE = 500;
    private static final String COLUMNS = "globalindex, aggregateidentifier, sequencenumber, eventidentifier, "
            + "payloadtype, payloadrevision, payload, metadata, timestamp";
    private static final Serializer EVENTS = LedgerSerialization.serializer();
    private static final EventUpcasterChain UPCASTERS = new EventUpcasterChain(EventUpcasters.all());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    EventRows(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** One stored event as its row holds it. */
    public record Row(long position, String negotiationId, long sequence, String eventId, String payloadType,
                      String payloadRevision, byte[] payload, byte[] metadata, String timestamp) {

        /** The event as the ledger loads it: upcast to its current revision and read; fails if it cannot be. */
        public DomainEventMessage<?> loaded() {
            DomainEventData<byte[]> data = new GenericDomainEventEntry<>(AGGREGATE_TYPE, negotiationId, sequence,
                    eventId, timestamp, payloadType, payloadRevision, payload, metadata);
            return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(data), EVENTS, UPCASTERS).next();
        }

        /** The payload of the event as the ledger loads it ({@link #loaded}). */
        public Object loadedPayload() {
            return loaded().getPayload();
        }
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5),
                row.getString(6), row.getBytes(7), row.getBytes(8), row.getString(9));
    }

    /** The rows at these global positions, by position ({@link AnyOf}); one the store does not hold is left out. */
    public Map<Long, Row> at(Collection<Long> positions) {
        Map<Long, Row> rows = new HashMap<>();
        AnyOf.query(jdbc, "SELECT " + COLUMNS + " FROM domainevententry WHERE globalindex = ANY (?)", "BIGINT",
                positions, found -> {
                    Row row = row(found);
                    rows.put(row.position(), row);
                });
        return rows;
    }

    /** The sequence number of the negotiation's last event, if it has any. */
    public OptionalLong lastSequence(String negotiationId) {
        Long last = jdbc.queryForObject("SELECT MAX(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, negotiationId);
        return last == null ? OptionalLong.empty() : OptionalLong.of(last);
    }

    /**
     * Hands the negotiation's rows to {@code each} in the order of their sequence numbers, streamed
     * (in a read-only transaction, so that PostgreSQL does not load them all at once).
     */
    public void forEach(String negotiationId, Consumer<Row> each) {
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber");
            statement.setFetchSize(FETCH_SIZE);
            statement.setString(1, negotiationId);
            return statement;
        }, row -> {
            each.accept(row(row));
        }));
    }

    /**
     * Hands every row of the store to {@code each} in the store's order, streamed in a read-only
     * transaction.
     */
    public void forEachInStoreOrder(Consumer<Row> each) {
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM domainevententry ORDER BY globalindex");
            statement.setFetchSize(FETCH_SIZE);
            return statement;
        }, row -> {
            each.accept(row(row));
        }));
    }

    /** Whether the store holds no event at all. */
    public boolean empty() {
        return jdbc.queryForList("SELECT eventidentifier FROM domainevententry FETCH FIRST 1 ROWS ONLY", String.class)
                .isEmpty();
    }

    /**
     * Stores rows as they are, each the event of a negotiation's aggregate at the global position
     * the row names, in the caller's transaction. The store's own count of positions is not moved:
     * {@link #continuePositionsAfter} does that once all are stored.
     */
    public void insertAtPositions(List<Row> rows) {
        jdbc.batchUpdate("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, "
                        + "eventidentifier, payloadtype, payloadrevision, timestamp, metadata, payload) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.stream().map(row -> new Object[]{row.position(), row.negotiationId(), row.sequence(),
                        AGGREGATE_TYPE, row.eventId(), row.payloadType(), row.payloadRevision(), row.timestamp(),
                        row.metadata(), row.payload()}).toList());
    }

    /**
     * The next event appended gets a position after {@code position}. On H2 this ends the caller's
     * transaction (a change of the table's definition commits), so it comes last.
     */
    public void continuePositionsAfter(long position) {
        String database = jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(database)) {
            jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('domainevententry', 'globalindex'), ?)",
                    Long.class, position);
        } else {
            jdbc.execute("ALTER TABLE domainevententry ALTER COLUMN globalindex RESTART WITH " + (position + 1));
        }
    }

    /** Every negotiation in the store, in id order. */
    public List<String> negotiations() {
        return jdbc.queryForList("SELECT DISTINCT aggregateidentifier FROM domainevententry ORDER BY aggregateidentifier",
                String.class);
    }

    /** The metadata of the negotiation's event at {@code sequence}, or null when there is none. */
    public byte[] metadataAt(String negotiationId, long sequence) {
        List<byte[]> metadata = jdbc.queryForList("SELECT metadata FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND sequencenumber = ?", byte[].class, negotiationId, sequence);
        return metadata.isEmpty() ? null : metadata.get(0);
    }
}
