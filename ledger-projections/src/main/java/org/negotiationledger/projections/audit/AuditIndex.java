package org.negotiationledger.projections.audit;

import org.negotiationledger.projections.support.EventIndex;
import org.negotiationledger.projections.support.Moment;
import org.negotiationledger.projections.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

import static org.negotiationledger.projections.support.Rows.utc;

/**
 * The ledger's index of events is the audit view's one row per event ({@link AuditProjector}). An
 * agreement signed counts among the outcomes: it is the outcome on the topics it provides for.
 */
@Component
public class AuditIndex implements EventIndex {

    private static final String COUNTS = "SELECT negotiation_id, COUNT(*) AS events, "
            + kind("StatementRecorded", "statements") + kind("StatementCorrected", "corrections")
            + kind("StatementRetracted", "retractions") + kind("MeetingHeld", "meetings")
            + kind("ExchangeProposed", "exchanges") + kind("OutcomeRecorded', 'AgreementSigned", "outcomes")
            + "MIN(effective_on) AS first_effective_on, MAX(effective_on) AS last_effective_on, "
            + "MAX(recorded_at) AS last_recorded_at FROM audit_event "
            + "WHERE recorded_at <= ? AND (effective_on IS NULL OR effective_on <= ?)";

    private final JdbcTemplate jdbc;

    public AuditIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many events of the types named (quoted, separated by "', '") the column counts. */
    private static String kind(String eventTypes, String column) {
        return "SUM(CASE WHEN event_type IN ('" + eventTypes + "') THEN 1 ELSE 0 END) AS " + column + ", ";
    }

    @Override
    public Map<String, Counts> counts(Moment moment, String negotiationId, boolean machineCoded) {
        Map<String, Counts> counts = new HashMap<>();
        String sql = COUNTS + (machineCoded ? "" : " AND machine_coded IS NULL")
                + (negotiationId == null ? "" : " AND negotiation_id = ?") + " GROUP BY negotiation_id";
        Object[] args = negotiationId == null ? new Object[]{utc(moment.at()), moment.day()}
                : new Object[]{utc(moment.at()), moment.day(), negotiationId};
        jdbc.query(sql, row -> {
            counts.put(row.getString("negotiation_id"), new Counts(row.getLong("events"),
                    row.getLong("statements"), row.getLong("corrections"), row.getLong("retractions"),
                    row.getLong("meetings"), row.getLong("exchanges"), row.getLong("outcomes"),
                    Rows.date(row, "first_effective_on"), Rows.date(row, "last_effective_on"),
                    Rows.instant(row, "last_recorded_at")));
        }, args);
        return counts;
    }
}
