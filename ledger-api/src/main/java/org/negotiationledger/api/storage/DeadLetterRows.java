package org.negotiationledger.api.storage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the views' dead-letter queues hold, read from Axon's dead-letter table. */
@Component
public class DeadLetterRows {

    private final JdbcTemplate jdbc;

    DeadLetterRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One event a view set aside.
     *
     * @param negotiationId the negotiation whose later events wait behind it
     * @param cause         why the view could not handle it (its kind and message, trimmed), or null for an event
     *                      that only waits behind an earlier one
     */
    public record Letter(String eventId, String negotiationId, long index, String eventType, String enqueuedAt,
                         String lastTriedAt, String cause) {
    }

    /** Per view, per negotiation, how many events wait. */
    public Map<String, Map<String, Long>> waiting() {
        Map<String, Map<String, Long>> waiting = new HashMap<>();
        jdbc.query("SELECT processinggroup, sequenceidentifier, COUNT(*) FROM deadletterentry "
                + "GROUP BY processinggroup, sequenceidentifier", row -> {
            waiting.computeIfAbsent(row.getString(1), view -> new HashMap<>()).put(row.getString(2), row.getLong(3));
        });
        return waiting;
    }

    /** The view's letters in the order they wait, at most {@code limit}. */
    public List<Letter> letters(String view, int limit) {
        return jdbc.query("SELECT eventidentifier, sequenceidentifier, sequenceindex, payloadtype, enqueuedat, "
                        + "lasttouched, causetype, causemessage FROM deadletterentry WHERE processinggroup = ? "
                        + "ORDER BY sequenceidentifier, sequenceindex LIMIT ?",
                (row, n) -> new Letter(row.getString(1), row.getString(2), row.getLong(3),
                        simpleName(row.getString(4)), row.getString(5), row.getString(6),
                        cause(row.getString(7), row.getString(8))),
                view, limit);
    }

    /** Forgets every event the view set aside (its rebuilt tables hold them all). */
    public void clear(String view) {
        jdbc.update("DELETE FROM deadletterentry WHERE processinggroup = ?", view);
    }

    /** The longest cause an admin is shown. */
    private static final int CAUSE_LENGTH = 500;

    /** Why the view failed, for an admin: the failure's kind and message, trimmed. */
    private static String cause(String type, String message) {
        if (type == null) {
            return null;
        }
        String cause = simpleName(type) + ": " + message;
        return cause.length() <= CAUSE_LENGTH ? cause : cause.substring(0, CAUSE_LENGTH - 1) + "…";
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
