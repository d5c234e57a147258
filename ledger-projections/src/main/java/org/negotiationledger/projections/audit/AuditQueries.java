package org.negotiationledger.projections.audit;

import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.projections.support.Rows;
import org.negotiationledger.projections.support.StoredEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Answers pages of the audit trail: the entries found in the audit view, what the event store's
 * rows hold (payload, id, revision, who and under which request) read from the store.
 */
@Component
public class AuditQueries {

    private final JdbcTemplate jdbc;
    private final StoredEvents store;

    public AuditQueries(JdbcTemplate jdbc, StoredEvents store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Null when a negotiation is asked for that the view holds no event of. */
    @QueryHandler
    public AuditPage page(FindAuditPage query) {
        if (query.negotiationId() != null && jdbc.queryForList("SELECT global_position FROM audit_event "
                + "WHERE negotiation_id = ? ORDER BY global_position LIMIT 1", Long.class, query.negotiationId())
                .isEmpty()) {
            return null;
        }
        StringBuilder sql = new StringBuilder("SELECT global_position, negotiation_id, sequence_number, event_type, "
                + "effective_on, recorded_at FROM audit_event");
        List<Object> args = new ArrayList<>();
        sql.append(" WHERE global_position > ?");
        args.add(query.after());
        if (query.partyId() != null) {
            sql.append(" AND parties LIKE ? ESCAPE '\\'");
            args.add(naming(query.partyId()));
        }
        if (query.negotiationId() != null) {
            sql.append(" AND negotiation_id = ?");
            args.add(query.negotiationId());
        }
        if (!query.types().isEmpty()) {
            String placeholders = String.join(", ", Collections.nCopies(query.types().size(), "?"));
            sql.append(" AND event_type IN (").append(placeholders).append(")");
            args.addAll(query.types().stream().sorted().toList());
        }
        if (query.recordedFrom() != null) {
            sql.append(" AND recorded_at >= ?");
            args.add(utc(query.recordedFrom()));
        }
        if (query.recordedBefore() != null) {
            sql.append(" AND recorded_at < ?");
            args.add(utc(query.recordedBefore()));
        }
        if (query.effectiveFrom() != null) {
            sql.append(" AND effective_on >= ?");
            args.add(query.effectiveFrom());
        }
        if (query.effectiveTo() != null) {
            sql.append(" AND effective_on <= ?");
            args.add(query.effectiveTo());
        }
        if (query.asOf() != null) {
            sql.append(" AND (effective_on IS NULL OR effective_on <= ?)");
            args.add(query.asOf());
        }
        if (!query.machineCoded()) {
            sql.append(" AND machine_coded IS NULL");
        }
        // One row more than asked shows whether another page follows.
        sql.append(" ORDER BY global_position LIMIT ").append(query.limit() + 1);
        List<AuditEntry> entries = jdbc.query(sql.toString(), (row, n) -> new AuditEntry(
                row.getLong("global_position"), row.getString("negotiation_id"), row.getLong("sequence_number"),
                null, row.getString("event_type"), null, Rows.date(row, "effective_on"),
                Rows.instant(row, "recorded_at"), null, null, null), args.toArray());
        boolean more = entries.size() > query.limit();
        List<AuditEntry> page = fromTheStore(more ? entries.subList(0, query.limit()) : entries);
        return new AuditPage(page, more ? page.get(page.size() - 1).position() : null);
    }

    /** A LIKE pattern for the view's parties column that matches the one id {@code party}. */
    private static String naming(String party) {
        String literal = party.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "% " + literal + " %";
    }

    private List<AuditEntry> fromTheStore(List<AuditEntry> entries) {
        Map<Long, StoredEvents.StoredEvent> stored = store.at(entries.stream().map(AuditEntry::position).toList());
        return entries.stream().map(entry -> {
            StoredEvents.StoredEvent event = stored.get(entry.position());
            if (event == null) {
                throw new IllegalStateException("the store holds no event at position " + entry.position());
            }
            return entry.with(event);
        }).toList();
    }
}
