package org.negotiationledger.projections.positions;

import com.fasterxml.jackson.core.type.TypeReference;
import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementLink;
import org.negotiationledger.projections.support.DatedValues;
import org.negotiationledger.projections.support.Rows;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.time.LocalTime;

/** Reads rows of positions_version. */
final class PositionRows {

    static final String COLUMNS = "statement_id, revision, kind, party_id, topic_id, delegate_id, stance, summary, "
            + "conditions, offer_value, offer_min, offer_max, offer_unit, effective_on, valid_until, meeting_id, "
            + "sources_json, publishers, coding_json, note, reason, recorded_seq, known_from, superseded_at, "
            + "counterpart_id, effective_at, links_json";

    private static final TypeReference<List<StatementLink>> LINKS = new TypeReference<>() {
    };

    private PositionRows() {
    }

    static Offer offer(ResultSet row) throws SQLException {
        String unit = row.getString("offer_unit");
        return unit == null ? null : new Offer(number(row, "offer_value"), number(row, "offer_min"),
                number(row, "offer_max"), unit);
    }

    private static BigDecimal number(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        return text == null ? null : new BigDecimal(text);
    }

    /**
     * The cell a version decides on {@code day}: the version itself, or, when its proposal lapsed
     * before that day, the same statement marked LAPSED.
     */
    static Position position(ResultSet row, LocalDate day) throws SQLException {
        Stance stance = Stance.valueOf(row.getString("stance"));
        LocalDate validUntil = Rows.date(row, "valid_until");
        VersionKind kind = validUntil != null && validUntil.isBefore(day) ? VersionKind.LAPSED
                : VersionKind.valueOf(row.getString("kind"));
        return new Position(row.getString("party_id"), row.getString("topic_id"), row.getString("statement_id"),
                row.getInt("revision"), kind, stance, stance.score(), row.getString("summary"),
                row.getString("conditions"), offer(row), Rows.date(row, "effective_on"), validUntil,
                row.getString("meeting_id"), row.getString("delegate_id"), Rows.instant(row, "known_from"),
                row.getString("coding_json") != null, row.getInt("publishers"), row.getString("counterpart_id"),
                row.getObject("effective_at", LocalTime.class), links(row));
    }

    /** A version as the history shows it; a replacement recorded after {@code knownAt} is not yet known. */
    static PositionHistory.HistoryEntry entry(ResultSet row, Instant knownAt, DatedValues titles) throws SQLException {
        Stance stance = Stance.valueOf(row.getString("stance"));
        Instant supersededAt = Rows.instant(row, "superseded_at");
        if (supersededAt != null && knownAt != null && supersededAt.isAfter(knownAt)) {
            supersededAt = null;
        }
        return new PositionHistory.HistoryEntry(row.getString("statement_id"), row.getInt("revision"),
                VersionKind.valueOf(row.getString("kind")), stance, stance.score(), row.getString("summary"),
                row.getString("conditions"), offer(row), Rows.date(row, "effective_on"), Rows.date(row, "valid_until"),
                row.getString("meeting_id"), row.getString("delegate_id"),
                titles.on(row.getString("delegate_id"), Rows.date(row, "effective_on")),
                Rows.sources(row, "sources_json"),
                Rows.fromJson(row.getString("coding_json"), EventCoding.class), row.getString("note"),
                row.getString("reason"), Rows.instant(row, "known_from"), supersededAt, supersededAt != null,
                row.getString("counterpart_id"), row.getObject("effective_at", LocalTime.class), links(row));
    }

    /** What the statement's position depends on; none for most statements. */
    static List<StatementLink> links(ResultSet row) throws SQLException {
        String json = row.getString("links_json");
        return json == null ? List.of() : Rows.fromJson(json, LINKS);
    }
}
