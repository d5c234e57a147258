package org.negotiationledger.projections.positions;

import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.OutcomeStatus;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.projections.support.DatedValues;
import org.negotiationledger.projections.support.Moment;
import org.negotiationledger.projections.support.Rows;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Answers questions about positions from the positions view alone. Every answer is for a day
 * ({@code asOf}, the effective date; none: the latest) as known at a time ({@code knownAt}, the
 * recording time; none: everything recorded so far): what took effect after the day, or was
 * recorded after the time, is absent. Each answer is null when the view does not know the
 * negotiation (or the party or topic asked about).
 */
@Component
public class PositionQueries {

    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    /** Which versions count for a matrix: current at {@code knownAt}, not retracted, effective by {@code asOf}. */
    static final String COUNTING = "effective_on <= ? AND known_from <= ? "
            + "AND (superseded_at IS NULL OR superseded_at > ?) AND kind <> 'RETRACTED'";

    /**
     * Which counting version decides a cell: the latest effective date; on the same day, the latest
     * time of day (a statement without one counts as made at the day's start); then the one more
     * independent publishers report; then the one recorded last.
     */
    private static final String DECIDING = "effective_on DESC, effective_at DESC NULLS LAST, publishers DESC, "
            + "recorded_seq DESC";

    /**
     * Each cell's deciding version, found with one step down the cell index per (party, topic), so
     * that the matrix costs the same however long the negotiation's history. (PostgreSQL.)
     */
    private static final String MATRIX_BY_CELL = "SELECT cell.* FROM positions_party p "
            + "JOIN positions_topic t ON t.negotiation_id = p.negotiation_id "
            + "CROSS JOIN LATERAL (SELECT " + PositionRows.COLUMNS + " FROM positions_version v "
            + "WHERE v.negotiation_id = p.negotiation_id AND v.party_id = p.party_id AND v.topic_id = t.topic_id "
            + "AND " + COUNTING + "%s ORDER BY " + DECIDING + " LIMIT 1) cell "
            + "WHERE p.negotiation_id = ?";

    /** The same over all of the negotiation's versions at once, for databases without LATERAL (H2). */
    private static final String MATRIX_BY_WINDOW = "SELECT " + PositionRows.COLUMNS + " FROM (SELECT "
            + PositionRows.COLUMNS + ", ROW_NUMBER() OVER (PARTITION BY party_id, topic_id%s "
            + "ORDER BY " + DECIDING + ") AS deciding FROM positions_version "
            + "WHERE negotiation_id = ? AND " + COUNTING + "%s) cells WHERE deciding = 1";

    /** What keeps the statements addressed to one party. */
    private static final String TOWARDS = " AND counterpart_id = ?";

    /** What leaves out the records a machine coded, for a query that asks without them. */
    static final String PEOPLE_ONLY = " AND coding_json IS NULL";

    private static final String OUTCOMES = "SELECT outcome_id, kind, terms, reached_on, meeting_id, party_ids_json, "
            + "topic_ids_json, sources_json, coding_json, known_from, retracted_known_from, retraction_reason "
            + "FROM positions_outcome o WHERE negotiation_id = ? "
            + "AND reached_on <= ? AND known_from <= ?";

    private final JdbcTemplate jdbc;
    /** Today, for "the latest" matrix: a proposal whose validUntil lies before it has lapsed. */
    private final Clock clock;
    private volatile Boolean lateral;

    public PositionQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    public PositionMatrix matrix(FindPositionMatrix query) {
        String negotiationId = query.negotiationId();
        List<Opened> negotiation = jdbc.query("SELECT title, opened_on FROM positions_negotiation "
                + "WHERE negotiation_id = ?", (row, n) -> new Opened(row.getString(1), Rows.date(row, "opened_on")),
                negotiationId);
        if (negotiation.isEmpty() || !isParty(negotiationId, query.counterpartId())) {
            return null;
        }
        Moment moment = new Moment(query.asOf(), query.knownAt());
        LocalDate day = moment.day();
        Instant at = moment.at();
        LocalDate openedOn = negotiation.get(0).openedOn();
        DatedValues roles = DatedValues.read(jdbc, "positions_role", "party_id", "role", negotiationId, at);
        List<PositionMatrix.MatrixParty> parties = new ArrayList<>();
        jdbc.query("SELECT party_id, name, joined_on, left_on, left_known_from FROM positions_party "
                + "WHERE negotiation_id = ? AND known_from <= ? ORDER BY ordinal", row -> {
            LocalDate joinedOn = Objects.requireNonNullElse(Rows.date(row, "joined_on"), openedOn);
            if (moment.present(joinedOn, Rows.date(row, "left_on"), Rows.instant(row, "left_known_from"))) {
                String id = row.getString("party_id");
                parties.add(new PositionMatrix.MatrixParty(id, row.getString("name"),
                        PartyRole.valueOf(roles.on(id, day)), joinedOn));
            }
        }, negotiationId, utc(at));
        Set<String> present = parties.stream().map(PositionMatrix.MatrixParty::id).collect(Collectors.toSet());
        DatedValues titles = DatedValues.read(jdbc, "positions_title", "delegate_id", "title", negotiationId, at);
        List<PositionMatrix.MatrixDelegate> delegates = jdbc.query("SELECT delegate_id, name, party_id "
                        + "FROM positions_delegate WHERE negotiation_id = ? AND known_from <= ? "
                        + "AND (since IS NULL OR since <= ?) ORDER BY ordinal",
                (row, n) -> new PositionMatrix.MatrixDelegate(row.getString(1), row.getString(2), row.getString(3),
                        titles.on(row.getString(1), day)), negotiationId, utc(at), day)
                .stream().filter(delegate -> present.contains(delegate.partyId())).toList();
        List<PositionMatrix.MatrixTopic> topics = jdbc.query("SELECT topic_id, title FROM positions_topic "
                        + "WHERE negotiation_id = ? AND known_from <= ? AND (added_on IS NULL OR added_on <= ?) "
                        + "ORDER BY ordinal",
                (row, n) -> new PositionMatrix.MatrixTopic(row.getString(1), row.getString(2)), negotiationId,
                utc(at), day);
        return new PositionMatrix(negotiationId, negotiation.get(0).title(), query.asOf(),
                query.knownAt(), parties, delegates, topics,
                positions(query, parties, topics), latestOutcomes(negotiationId, day, at, query.machineCoded(), topics),
                query.counterpartId());
    }

    /** Whether the negotiation has (or had) the party; true when none is asked about. */
    private boolean isParty(String negotiationId, String partyId) {
        return partyId == null || jdbc.queryForObject("SELECT COUNT(*) FROM positions_party WHERE negotiation_id = ? "
                + "AND party_id = ?", Integer.class, negotiationId, partyId) > 0;
    }

    private record Opened(String title, LocalDate openedOn) {
    }

    @QueryHandler
    public PositionHistory history(FindPositionHistory query) {
        Integer known = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM positions_party WHERE negotiation_id = ? "
                        + "AND party_id = ?) + (SELECT COUNT(*) FROM positions_topic WHERE negotiation_id = ? "
                        + "AND topic_id = ?)", Integer.class,
                query.negotiationId(), query.partyId(), query.negotiationId(), query.topicId());
        if (known == null || known < 2 || !isParty(query.negotiationId(), query.counterpartId())) {
            return null;
        }
        Moment moment = new Moment(query.asOf(), query.knownAt());
        Instant knownAt = moment.at();
        DatedValues titles = DatedValues.read(jdbc, "positions_title", "delegate_id", "title", query.negotiationId(),
                knownAt);
        List<Object> arguments = new ArrayList<>(List.of(query.negotiationId(), query.partyId(), query.topicId(),
                utc(knownAt), moment.day()));
        if (query.counterpartId() != null) {
            arguments.add(query.counterpartId());
        }
        List<PositionHistory.HistoryEntry> entries = jdbc.query("SELECT " + PositionRows.COLUMNS
                        + " FROM positions_version WHERE negotiation_id = ? AND party_id = ? AND topic_id = ? "
                        + "AND known_from <= ? AND effective_on <= ?" + (query.machineCoded() ? "" : PEOPLE_ONLY)
                        + (query.counterpartId() == null ? "" : TOWARDS)
                        + " ORDER BY effective_on, effective_at NULLS FIRST, recorded_seq, revision",
                (row, n) -> PositionRows.entry(row, query.knownAt(), titles), arguments.toArray());
        return new PositionHistory(query.negotiationId(), query.partyId(), query.topicId(), query.asOf(),
                query.knownAt(), entries);
    }

    @QueryHandler
    public PositionChanges changes(FindPositionChanges query) {
        PositionMatrix before = matrix(new FindPositionMatrix(query.negotiationId(), query.from(), query.knownAt(),
                query.machineCoded(), 0, query.counterpartId()));
        if (before == null) {
            return null;
        }
        PositionMatrix later = matrix(new FindPositionMatrix(query.negotiationId(), query.to(), query.knownAt(),
                query.machineCoded(), 0, query.counterpartId()));
        Map<String, Position> after = new LinkedHashMap<>();
        later.positions().forEach(p -> after.put(p.partyId() + "\u0000" + p.topicId(), p));
        Map<String, Position> earlier = new LinkedHashMap<>();
        before.positions().forEach(p -> earlier.put(p.partyId() + "\u0000" + p.topicId(), p));
        List<PositionChanges.Change> changes = new ArrayList<>();
        for (PositionMatrix.MatrixParty party : later.parties()) {
            for (PositionMatrix.MatrixTopic topic : later.topics()) {
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

    @QueryHandler
    public OutcomeList outcomes(FindOutcomes query) {
        if (!Rows.knows(jdbc, "positions_negotiation", query.negotiationId())) {
            return null;
        }
        Moment moment = new Moment(query.asOf(), query.knownAt());
        LocalDate day = moment.day();
        Instant at = moment.at();
        StringBuilder sql = new StringBuilder(OUTCOMES);
        List<Object> args = new ArrayList<>(List.of(query.negotiationId(), day, utc(at)));
        if (query.topicId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM positions_outcome_topic t WHERE t.negotiation_id = o.negotiation_id "
                    + "AND t.outcome_id = o.outcome_id AND t.topic_id = ?)");
            args.add(query.topicId());
        }
        if (query.partyId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM positions_outcome_party p WHERE p.negotiation_id = o.negotiation_id "
                    + "AND p.outcome_id = o.outcome_id AND p.party_id = ?)");
            args.add(query.partyId());
        }
        if (!query.machineCoded()) {
            sql.append(PEOPLE_ONLY);
        }
        sql.append(" ORDER BY reached_on, ordinal");
        Map<String, List<Outcome.StatusChange>> statuses = statuses(query.negotiationId(), day, at);
        List<Outcome> outcomes = jdbc.query(sql.toString(), (row, n) -> {
            String id = row.getString("outcome_id");
            List<Outcome.StatusChange> changes = statuses.getOrDefault(id, List.of());
            return new Outcome(id, OutcomeKind.valueOf(row.getString("kind")),
                    Rows.fromJson(row.getString("topic_ids_json"), IDS),
                    Rows.fromJson(row.getString("party_ids_json"), IDS), row.getString("terms"),
                    Rows.date(row, "reached_on"), row.getString("meeting_id"),
                    Rows.sources(row, "sources_json"),
                    Rows.fromJson(row.getString("coding_json"), EventCoding.class), Rows.instant(row, "known_from"),
                    changes.isEmpty() ? null : changes.get(changes.size() - 1).status(), changes,
                    Rows.retractedBy(row, at), Rows.retractedBy(row, at) ? row.getString("retraction_reason") : null);
        }, args.toArray());
        return new OutcomeList(query.negotiationId(), query.asOf(), query.knownAt(), outcomes);
    }

    @QueryHandler
    public OfferGaps offerGaps(FindOfferGaps query) {
        Integer topics = jdbc.queryForObject("SELECT COUNT(*) FROM positions_topic WHERE negotiation_id = ? "
                + "AND topic_id = ?", Integer.class, query.negotiationId(), query.topicId());
        if (topics == null || topics == 0) {
            return null;
        }
        Moment moment = new Moment(query.asOf(), query.knownAt());
        LocalDate day = moment.day();
        Instant at = moment.at();
        Map<String, List<OfferSeries.Step>> byParty = new LinkedHashMap<>();
        jdbc.queryForList("SELECT party_id FROM positions_party WHERE negotiation_id = ? ORDER BY ordinal",
                String.class, query.negotiationId()).forEach(party -> byParty.put(party, new ArrayList<>()));
        jdbc.query("SELECT party_id, effective_on, valid_until, offer_value, offer_min, offer_max, offer_unit "
                + "FROM positions_version WHERE negotiation_id = ? AND topic_id = ? AND " + COUNTING
                + (query.machineCoded() ? "" : PEOPLE_ONLY) + " ORDER BY effective_on, recorded_seq", row -> {
            byParty.computeIfAbsent(row.getString("party_id"), id -> new ArrayList<>()).add(new OfferSeries.Step(
                    Rows.date(row, "effective_on"), Rows.date(row, "valid_until"), PositionRows.offer(row)));
        }, query.negotiationId(), query.topicId(), day, utc(at), utc(at));
        List<String> offering = byParty.entrySet().stream()
                .filter(party -> party.getValue().stream().anyMatch(step -> step.offer() != null))
                .map(Map.Entry::getKey).toList();
        List<OfferGaps.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < offering.size(); i++) {
            for (int j = i + 1; j < offering.size(); j++) {
                pairs.add(OfferSeries.pair(offering.get(i), byParty.get(offering.get(i)), offering.get(j),
                        byParty.get(offering.get(j)), day));
            }
        }
        return new OfferGaps(query.negotiationId(), query.topicId(), query.asOf(), query.knownAt(), pairs);
    }

    private Map<String, List<Outcome.StatusChange>> statuses(String negotiationId, LocalDate day, Instant at) {
        Map<String, List<Outcome.StatusChange>> statuses = new HashMap<>();
        jdbc.query("SELECT outcome_id, since, status, note, known_from, sources_json FROM positions_outcome_status "
                + "WHERE negotiation_id = ? AND since <= ? AND known_from <= ? ORDER BY since", row -> {
            statuses.computeIfAbsent(row.getString("outcome_id"), id -> new ArrayList<>()).add(
                    new Outcome.StatusChange(OutcomeStatus.valueOf(row.getString("status")), Rows.date(row, "since"),
                            row.getString("note"), Rows.instant(row, "known_from"), Rows.sources(row, "sources_json")));
        }, negotiationId, day, utc(at));
        return statuses;
    }

    /** Per topic of the matrix, the outcome reached last by the day, in topic order. */
    private List<PositionMatrix.TopicOutcome> latestOutcomes(String negotiationId, LocalDate day, Instant at,
                                                            boolean machineCoded,
                                                            List<PositionMatrix.MatrixTopic> topics) {
        Map<String, List<Outcome.StatusChange>> statuses = statuses(negotiationId, day, at);
        Map<String, PositionMatrix.TopicOutcome> latest = new HashMap<>();
        jdbc.query("SELECT t.topic_id, o.outcome_id, o.kind, o.terms, o.reached_on FROM positions_outcome o "
                + "JOIN positions_outcome_topic t "
                + "ON t.negotiation_id = o.negotiation_id AND t.outcome_id = o.outcome_id "
                + "WHERE o.negotiation_id = ? AND o.reached_on <= ? AND o.known_from <= ? "
                + "AND (o.retracted_known_from IS NULL OR o.retracted_known_from > ?)"
                + (machineCoded ? "" : " AND o.coding_json IS NULL") + " ORDER BY o.reached_on, o.ordinal", row -> {
            String id = row.getString("outcome_id");
            List<Outcome.StatusChange> changes = statuses.getOrDefault(id, List.of());
            latest.put(row.getString("topic_id"), new PositionMatrix.TopicOutcome(row.getString("topic_id"), id,
                    OutcomeKind.valueOf(row.getString("kind")),
                    changes.isEmpty() ? null : changes.get(changes.size() - 1).status(), Rows.date(row, "reached_on"),
                    row.getString("terms")));
        }, negotiationId, day, utc(at), utc(at));
        return topics.stream().map(topic -> latest.get(topic.id())).filter(Objects::nonNull).toList();
    }

    private boolean supportsLateral() {
        if (lateral == null) {
            lateral = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) connection ->
                    connection.getMetaData().getDatabaseProductName()));
        }
        return lateral;
    }

    /** One query for every cell of the listed parties and topics, in their order. */
    private List<Position> positions(FindPositionMatrix query, List<PositionMatrix.MatrixParty> parties,
                                     List<PositionMatrix.MatrixTopic> topics) {
        Moment moment = new Moment(query.asOf(), query.knownAt());
        LocalDate day = moment.day();
        Instant at = moment.at();
        RowMapper<Position> cell = (row, n) -> PositionRows.position(row, lapsesBefore(query.asOf()));
        String towards = query.counterpartId();
        String filter = (query.machineCoded() ? "" : PEOPLE_ONLY) + (query.minPublishers() > 0
                ? " AND publishers >= " + query.minPublishers() : "") + (towards == null ? "" : TOWARDS);
        // The counting versions' day and times (and counterpart); the negotiation's id after them per cell,
        // before them over the window.
        List<Object> arguments = new ArrayList<>(List.of(day, utc(at), utc(at)));
        if (towards != null) {
            arguments.add(towards);
        }
        boolean lateral = supportsLateral();
        arguments.add(lateral ? arguments.size() : 0, query.negotiationId());
        String sql = lateral ? MATRIX_BY_CELL.formatted(filter) : MATRIX_BY_WINDOW.formatted("", filter);
        List<Position> positions = new ArrayList<>(jdbc.query(sql, cell, arguments.toArray()));
        Map<String, Integer> partyOrder = order(parties.stream().map(PositionMatrix.MatrixParty::id));
        Map<String, Integer> topicOrder = order(topics.stream().map(PositionMatrix.MatrixTopic::id));
        positions.removeIf(p -> !partyOrder.containsKey(p.partyId()) || !topicOrder.containsKey(p.topicId()));
        positions.sort(Comparator.comparing((Position p) -> partyOrder.get(p.partyId()))
                .thenComparing(p -> topicOrder.get(p.topicId())));
        return positions;
    }

    /**
     * The dyadic view: for every party, every party its statements are addressed to and every
     * topic, the deciding statement, by the same rule as the matrix's cells. Statements addressed
     * to no one are not in it; they count in the matrix alone.
     */
    @QueryHandler
    public PositionDyads dyads(FindPositionDyads query) {
        if (!Rows.knows(jdbc, "positions_negotiation", query.negotiationId())) {
            return null;
        }
        Moment moment = new Moment(query.asOf(), query.knownAt());
        Instant at = moment.at();
        Map<String, Integer> partyOrder = order(jdbc.queryForList("SELECT party_id FROM positions_party "
                + "WHERE negotiation_id = ? ORDER BY ordinal", String.class, query.negotiationId()).stream());
        Map<String, Integer> topicOrder = order(jdbc.queryForList("SELECT topic_id FROM positions_topic "
                + "WHERE negotiation_id = ? ORDER BY ordinal", String.class, query.negotiationId()).stream());
        String filter = " AND counterpart_id IS NOT NULL" + (query.machineCoded() ? "" : PEOPLE_ONLY);
        List<Position> positions = new ArrayList<>(jdbc.query(MATRIX_BY_WINDOW.formatted(", counterpart_id", filter),
                (row, n) -> PositionRows.position(row, lapsesBefore(query.asOf())), query.negotiationId(),
                moment.day(), utc(at), utc(at)));
        positions.sort(Comparator.comparing((Position p) -> partyOrder.getOrDefault(p.partyId(), -1))
                .thenComparing(p -> partyOrder.getOrDefault(p.counterpartId(), -1))
                .thenComparing(p -> topicOrder.getOrDefault(p.topicId(), -1)));
        return new PositionDyads(query.negotiationId(), query.asOf(), query.knownAt(), positions);
    }

    /** The day before which a proposal has lapsed: the day asked about, or today for the latest. */
    private LocalDate lapsesBefore(LocalDate asOf) {
        return asOf == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : asOf;
    }

    private static Map<String, Integer> order(Stream<String> ids) {
        Map<String, Integer> order = new HashMap<>();
        ids.forEach(id -> order.putIfAbsent(id, order.size()));
        return order;
    }
}
