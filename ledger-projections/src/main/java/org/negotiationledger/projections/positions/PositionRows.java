package org.negotiationledger.projections.positions;

import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.projections.support.Rows;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reads rows of positions_version. */
final class PositionRows {

    static final String COLUMNS = "statement_id, revision, kind, party_id, topic_id, delegate_id, stance, summary, "
            + "conditions, offer_value, offer_unit, effective_on, source_json, note, reason, known_from, superseded_at";

    private PositionRows() {
    }

    static Offer offer(ResultSet row) throws SQLException {
        String value = row.getString("offer_value");
        return value == null ? null : new Offer(new BigDecimal(value), row.getString("offer_unit"));
    }

    static Position position(ResultSet row) throws SQLException {
        Stance stance = Stance.valueOf(row.getString("stance"));
        return new Position(row.getString("party_id"), row.getString("topic_id"), row.getString("statement_id"),
                row.getInt("revision"), VersionKind.valueOf(row.getString("kind")), stance, stance.score(),
                row.getString("summary"), row.getString("conditions"), offer(row), Rows.date(row, "effective_on"),
                row.getString("delegate_id"), Rows.instant(row, "known_from"));
    }

    /** A version as the history shows it; a replacement recorded after {@code knownAt} is not yet known. */
    static PositionHistory.HistoryEntry entry(ResultSet row, Instant knownAt) throws SQLException {
        Stance stance = Stance.valueOf(row.getString("stance"));
        Instant supersededAt = Rows.instant(row, "superseded_at");
        if (supersededAt != null && knownAt != null && supersededAt.isAfter(knownAt)) {
            supersededAt = null;
        }
        return new PositionHistory.HistoryEntry(row.getString("statement_id"), row.getInt("revision"),
                VersionKind.valueOf(row.getString("kind")), stance, stance.score(), row.getString("summary"),
                row.getString("conditions"), offer(row), Rows.date(row, "effective_on"), row.getString("delegate_id"),
                Rows.fromJson(row.getString("source_json"), Source.class), row.getString("note"),
                row.getString("reason"), Rows.instant(row, "known_from"), supersededAt, supersededAt != null);
    }
}
