package org.negotiationledger.projections.positions;

import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.core.api.PartyRole;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Answers questions about positions from the positions view alone. Each answer is null when the
 * view does not know the negotiation (or the party or topic asked about).
 */
@Component
public class PositionQueries {

    /** A recording time after any real one, for "everything recorded so far". */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** Which versions count for a matrix: current at {@code knownAt}, not retracted, effective by {@code asOf}. */
    private static final String COUNTING = "effective_on <= ? AND known_from <= ? "
            + "AND (superseded_at IS NULL OR superseded_at > ?) AND kind <> 'RETRACTED'";

    /**
     * Each cell's deciding version, the counting version with the latest effective date, then the
     * latest recorded statement, found with one step down the cell index per (party, topic), so
     * that the matrix costs the same however long the negotiation's history. (PostgreSQL.)
     */
    private static final String MATRIX_BY_CELL = "SELECT cell.* FROM positions_party p "
            + "JOIN positions_topic t ON t.negotiation_id = p.negotiation_id "
            + "CROSS JOIN LATERAL (SELECT " + PositionRows.COLUMNS + " FROM positions_version v "
            + "WHERE v.negotiation_id = p.negotiation_id AND v.party_id = p.party_id AND v.topic_id = t.topic_id "
            + "AND " + COUNTING + " ORDER BY effective_on DESC, recorded_seq DESC LIMIT 1) cell "
            + "WHERE p.negotiation_id = ?";

    /** The same over all of the negotiation's versions at once, for databases without LATERAL (H2). */
    private static final String MATRIX_BY_WINDOW = "SELECT " + PositionRows.COLUMNS + " FROM (SELECT "
            + PositionRows.COLUMNS + ", ROW_NUMBER() OVER (PARTITION BY party_id, topic_id "
            + "ORDER BY effective_on DESC, recorded_seq DESC) AS deciding FROM positions_version "
            + "WHERE negotiation_id = ? AND " + COUNTING + ") cells WHERE deciding = 1";

    private final JdbcTemplate jdbc;
    private volatile Boolean lateral;

    public PositionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public PositionMatrix matrix(PositionMatrixQuery query) {
        List<String> title = jdbc.queryForList("SELECT title FROM positions_negotiation WHERE negotiation_id = ?",
                String.class, query.negotiationId());
        if (title.isEmpty()) {
            return null;
        }
        List<PositionMatrix.MatrixParty> parties = jdbc.query("SELECT party_id, name, role FROM positions_party "
                        + "WHERE negotiation_id = ? ORDER BY ordinal",
                (row, n) -> new PositionMatrix.MatrixParty(row.getString(1), row.getString(2),
                        PartyRole.valueOf(row.getString(3))), query.negotiationId());
        List<PositionMatrix.MatrixTopic> topics = jdbc.query("SELECT topic_id, title FROM positions_topic "
                        + "WHERE negotiation_id = ? ORDER BY ordinal",
                (row, n) -> new PositionMatrix.MatrixTopic(row.getString(1), row.getString(2)), query.negotiationId());
        return new PositionMatrix(query.negotiationId(), title.get(0), query.asOf(), query.knownAt(), parties, topics,
                positions(query.negotiationId(), query.asOf(), query.knownAt(), parties, topics));
    }

    @QueryHandler
    public PositionHistory history(PositionHistoryQuery query) {
        Integer known = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM positions_party WHERE negotiation_id = ? "
                        + "AND party_id = ?) + (SELECT COUNT(*) FROM positions_topic WHERE negotiation_id = ? "
                        + "AND topic_id = ?)", Integer.class,
                query.negotiationId(), query.partyId(), query.negotiationId(), query.topicId());
        if (known == null || known < 2) {
            return null;
        }
        Instant knownAt = query.knownAt() == null ? END_OF_TIME : query.knownAt();
        List<PositionHistory.HistoryEntry> entries = jdbc.query("SELECT " + PositionRows.COLUMNS
                        + " FROM positions_version WHERE negotiation_id = ? AND party_id = ? AND topic_id = ? "
                        + "AND known_from <= ? ORDER BY effective_on, recorded_seq, revision",
                (row, n) -> PositionRows.entry(row, query.knownAt()),
                query.negotiationId(), query.partyId(), query.topicId(), utc(knownAt));
        return new PositionHistory(query.negotiationId(), query.partyId(), query.topicId(), query.knownAt(), entries);
    }

    @QueryHandler
    public PositionChanges changes(PositionChangesQuery query) {
        PositionMatrix before = matrix(new PositionMatrixQuery(query.negotiationId(), query.from(), query.knownAt()));
        if (before == null) {
            return null;
        }
        Map<String, Position> after = new LinkedHashMap<>();
        for (Position position : positions(query.negotiationId(), query.to(), query.knownAt(), before.parties(),
                before.topics())) {
            after.put(position.partyId() + "\u0000" + position.topicId(), position);
        }
        Map<String, Position> earlier = new LinkedHashMap<>();
        before.positions().forEach(p -> earlier.put(p.partyId() + "\u0000" + p.topicId(), p));
        List<PositionChanges.Change> changes = new ArrayList<>();
        for (PositionMatrix.MatrixParty party : before.parties()) {
            for (PositionMatrix.MatrixTopic topic : before.topics()) {
                String cell = party.id() + "\u0000" + topic.id();
                Position from = earlier.get(cell);
                Position to = after.get(cell);
                if (!Objects.equals(from, to)) {
                    Integer scoreChange = from != null && to != null ? to.score() - from.score() : null;
                    changes.add(new PositionChanges.Change(party.id(), topic.id(), from, to, scoreChange));
                }
            }
        }
        return new PositionChanges(query.negotiationId(), query.from(), query.to(), query.knownAt(), changes);
    }

    private boolean supportsLateral() {
        if (lateral == null) {
            lateral = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) connection ->
                    connection.getMetaData().getDatabaseProductName()));
        }
        return lateral;
    }

    /** One query for every cell, in the order of parties, then topics. */
    private List<Position> positions(String negotiationId, LocalDate asOf, Instant knownAt,
                                     List<PositionMatrix.MatrixParty> parties,
                                     List<PositionMatrix.MatrixTopic> topics) {
        LocalDate day = asOf == null ? LAST_DAY : asOf;
        Instant at = knownAt == null ? END_OF_TIME : knownAt;
        Map<String, Integer> partyOrder = new HashMap<>();
        parties.forEach(party -> partyOrder.put(party.id(), partyOrder.size()));
        Map<String, Integer> topicOrder = new HashMap<>();
        topics.forEach(topic -> topicOrder.put(topic.id(), topicOrder.size()));
        List<Position> positions = new ArrayList<>(supportsLateral()
                ? jdbc.query(MATRIX_BY_CELL, (row, n) -> PositionRows.position(row), day, utc(at), utc(at),
                negotiationId)
                : jdbc.query(MATRIX_BY_WINDOW, (row, n) -> PositionRows.position(row), negotiationId, day, utc(at),
                utc(at)));
        positions.sort(Comparator.comparing((Position p) -> partyOrder.getOrDefault(p.partyId(), Integer.MAX_VALUE))
                .thenComparing(p -> topicOrder.getOrDefault(p.topicId(), Integer.MAX_VALUE)));
        return positions;
    }
}
