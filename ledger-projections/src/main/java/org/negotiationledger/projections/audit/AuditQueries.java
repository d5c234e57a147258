package org.negotiationledger.projections.audit;

import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.projections.support.Rows;
import org.negotiationledger.projections.support.StoredPayloads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.negotiationledger.projections.support.Rows.utc;

/** Answers pages of the audit trail: the entries from the audit view, their payloads from the event store. */
@Component
public class AuditQueries {

    private final JdbcTemplate jdbc;
    private final StoredPayloads payloads;

    public AuditQueries(JdbcTemplate jdbc, StoredPayloads payloads) {
        this.jdbc = jdbc;
        this.payloads = payloads;
    }

    /** Null when a negotiation is asked for that the view holds no event of. */
    @QueryHandler
    public AuditPage page(AuditQuery query) {
        if (query.negotiationId() != null && jdbc.queryForList("SELECT global_position FROM audit_event "
                + "WHERE negotiation_id = ? ORDER BY global_position LIMIT 1", Long.class, query.negotiationId())
                .isEmpty()) {
            return null;
        }
        StringBuilder sql = new StringBuilder("SELECT e.global_position, e.negotiation_id, e.sequence_number, "
                + "e.event_id, e.event_type, e.revision, e.effective_on, e.recorded_at, e.recorded_by, "
                + "e.correlation_id FROM audit_event e");
        List<Object> args = new ArrayList<>();
        if (query.partyId() != null) {
            sql.append(" JOIN audit_party p ON p.negotiation_id = e.negotiation_id "
                    + "AND p.global_position = e.global_position AND p.party_id = ?");
            args.add(query.partyId());
        }
        sql.append(" WHERE e.global_position > ?");
        args.add(query.after());
        if (query.negotiationId() != null) {
            sql.append(" AND e.negotiation_id = ?");
            args.add(query.negotiationId());
        }
        if (!query.types().isEmpty()) {
            String placeholders = String.join(", ", Collections.nCopies(query.types().size(), "?"));
            sql.append(" AND e.event_type IN (").append(placeholders).append(")");
            args.addAll(query.types().stream().sorted().toList());
        }
        if (query.recordedFrom() != null) {
            sql.append(" AND e.recorded_at >= ?");
            args.add(utc(query.recordedFrom()));
        }
        if (query.recordedBefore() != null) {
            sql.append(" AND e.recorded_at < ?");
            args.add(utc(query.recordedBefore()));
        }
        if (query.effectiveFrom() != null) {
            sql.append(" AND e.effective_on >= ?");
            args.add(query.effectiveFrom());
        }
        if (query.effectiveTo() != null) {
            sql.append(" AND e.effective_on <= ?");
            args.add(query.effectiveTo());
        }
        // One row more than asked shows whether another page follows.
        sql.append(" ORDER BY e.global_position LIMIT ").append(query.limit() + 1);
        List<AuditEntry> entries = jdbc.query(sql.toString(), (row, n) -> new AuditEntry(
                row.getLong("global_position"), row.getString("negotiation_id"), row.getLong("sequence_number"),
                row.getString("event_id"), row.getString("event_type"), row.getString("revision"),
                Rows.date(row, "effective_on"), Rows.instant(row, "recorded_at"), row.getString("recorded_by"),
                row.getString("correlation_id"), null), args.toArray());
        boolean more = entries.size() > query.limit();
        List<AuditEntry> page = withPayloads(more ? entries.subList(0, query.limit()) : entries);
        return new AuditPage(page, more ? page.get(page.size() - 1).position() : null);
    }

    private List<AuditEntry> withPayloads(List<AuditEntry> entries) {
        Map<Long, String> stored = payloads.json(entries.stream().map(AuditEntry::position).toList());
        return entries.stream().map(entry -> {
            String payload = stored.get(entry.position());
            if (payload == null) {
                throw new IllegalStateException("the store holds no event at position " + entry.position());
            }
            return entry.withPayload(payload);
        }).toList();
    }
}
