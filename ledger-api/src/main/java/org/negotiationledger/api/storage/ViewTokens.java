package org.negotiationledger.api.storage;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The tokens of a processor's segments as the token store holds them, shared by every node. */
@Component
public class ViewTokens {

    private final JdbcTemplate jdbc;

    ViewTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One segment's stored token.
     *
     * @param owner the node that holds the segment, or null
     */
    public record Row(int segment, byte[] token, String tokenType, String owner) {

        /** The token as the processor holds it, or null where the segment has none yet. */
        public TrackingToken trackingToken(Serializer serializer) {
            if (token == null || tokenType == null) {
                return null;
            }
            return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        }
    }

    /** The view's segments in order. */
    public List<Row> of(String view) {
        return jdbc.query("SELECT segment, token, tokentype, owner FROM tokenentry WHERE processorname = ? "
                + "ORDER BY segment", (row, n) -> new Row(row.getInt(1), row.getBytes(2), row.getString(3),
                row.getString(4)), view);
    }

    /** Whether the processor has a token for any segment. */
    public boolean exist(String processor) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM tokenentry WHERE processorname = ?", Integer.class,
                processor);
        return rows != null && rows > 0;
    }

    /** Forgets the tokens of a processor the ledger no longer runs. */
    public void forget(String processor) {
        jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", processor);
    }

    /**
     * How many of the view's segments a live node holds: a claim not renewed for longer than
     * {@code claimTimeout} belongs to a node that is gone. Measured on the clock Axon stamps its
     * claims with, not the application's, which a test may move.
     */
    public long held(String view, Duration claimTimeout) {
        Instant stale = AbstractTokenEntry.clock.instant().minus(claimTimeout);
        return jdbc.queryForList("SELECT timestamp FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL",
                String.class, view).stream().filter(claimed -> Instant.parse(claimed).isAfter(stale)).count();
    }
}
