package org.negotiationledger.api.storage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the event store ends: its last global position, and the last event of a negotiation. */
@Component
public class StoreHeads {

    private final JdbcTemplate jdbc;

    StoreHeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Past this many events after a position, whether one of them was recorded by a time is not looked into. */
    private static final int LOOKED_AT = 10_000;

    /**
     * Whether every event stored after {@code position} was recorded after {@code time}: then a
     * view that has reached the position holds everything recorded by the time. False too when
     * more than {@value #LOOKED_AT} events follow the position. (The store keeps an event's
     * recording time as ISO text, which does not sort as time does; it is read as an instant.)
     */
    public boolean allRecordedAfter(long position, Instant time) {
        List<String> recorded = jdbc.queryForList("SELECT timestamp FROM domainevententry WHERE globalindex > ? "
                + "ORDER BY globalindex LIMIT " + (LOOKED_AT + 1), String.class, position);
        return recorded.size() <= LOOKED_AT && recorded.stream().allMatch(at -> Instant.parse(at).isAfter(time));
    }

    /** A negotiation's last event: its sequence number and global position. */
    public record Head(long sequence, long position) {
    }

    /** The global position of the last event stored; -1 when the store is empty. */
    public long store() {
        Long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    /**
     * The negotiation's last event, one step down the (negotiation, sequence) index however long
     * its history; inside a transaction that appended to it, that transaction's own last event.
     */
    public Optional<Head> negotiation(String negotiationId) {
        return jdbc.query("SELECT sequencenumber, globalindex FROM domainevententry WHERE aggregateidentifier = ? "
                        + "ORDER BY sequencenumber DESC LIMIT 1",
                (row, n) -> new Head(row.getLong(1), row.getLong(2)), negotiationId).stream().findFirst();
    }

    /** The negotiation's event at {@code sequence}, as a head: where the negotiation stood after it. */
    public Optional<Head> negotiationAt(String negotiationId, long sequence) {
        return jdbc.query("SELECT sequencenumber, globalindex FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND sequencenumber = ?",
                (row, n) -> new Head(row.getLong(1), row.getLong(2)), negotiationId, sequence).stream().findFirst();
    }
}
