package org.negotiationledger.projections.overview;

import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.projections.support.DatedValues;
import org.negotiationledger.projections.support.EventIndex;
import org.negotiationledger.projections.support.Moment;
import org.negotiationledger.projections.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Answers from the overview view, for a day ({@code asOf}; none: the latest) as known at a time
 * ({@code knownAt}; none: now): a negotiation opened later, or recorded later, is absent; its
 * status, cast and counts are those of that day as known then. The counts of events come from
 * the ledger's index of events ({@link EventIndex}), not from a copy of every event of its own.
 */
@Component
public class OverviewQueries {

    private static final String NEGOTIATIONS = "SELECT * FROM overview_negotiation WHERE opened_on <= ? "
            + "AND opened_at <= ?";

    private final JdbcTemplate jdbc;
    private final EventIndex index;

    public OverviewQueries(JdbcTemplate jdbc, EventIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    @QueryHandler
    public NegotiationList negotiations(FindNegotiations query) {
        Moment moment = new Moment(query.asOf(), query.knownAt());
        Map<String, EventIndex.Counts> counts = index.counts(moment, null, query.machineCoded());
        Map<String, long[]> cast = castCounts(moment);
        List<NegotiationSummary> all = jdbc.query(NEGOTIATIONS + " ORDER BY negotiation_id",
                        (row, n) -> summary(row, moment, counts, cast), moment.day(), utc(moment.at()))
                .stream().filter(summary -> query.status() == null || summary.status() == query.status()).toList();
        return new NegotiationList(query.asOf(), query.knownAt(), all);
    }

    /** Null when the view does not know the negotiation, or it was not yet opened, or not yet recorded. */
    @QueryHandler
    public NegotiationSummary negotiation(FindNegotiation query) {
        Moment moment = new Moment(query.asOf(), query.knownAt());
        Map<String, EventIndex.Counts> counts = index.counts(moment, query.negotiationId(), query.machineCoded());
        return jdbc.query(NEGOTIATIONS + " AND negotiation_id = ?",
                (row, n) -> summary(row, moment, counts, null), moment.day(), utc(moment.at()),
                query.negotiationId()).stream().findFirst().orElse(null);
    }

    /**
     * For a listing, how many parties (present then), delegates (of those parties) and topics each
     * negotiation had: three queries for the whole list, not three per negotiation.
     */
    private Map<String, long[]> castCounts(Moment moment) {
        Map<String, Set<String>> present = new HashMap<>();
        jdbc.query("SELECT p.negotiation_id, p.party_id, COALESCE(p.joined_on, n.opened_on) AS joined_on, "
                + "p.left_on, p.left_known_from FROM overview_party p JOIN overview_negotiation n "
                + "ON n.negotiation_id = p.negotiation_id WHERE p.known_from <= ?", row -> {
            if (moment.present(Rows.date(row, "joined_on"), Rows.date(row, "left_on"),
                    Rows.instant(row, "left_known_from"))) {
                present.computeIfAbsent(row.getString("negotiation_id"), id -> new HashSet<>())
                        .add(row.getString("party_id"));
            }
        }, utc(moment.at()));
        Map<String, long[]> cast = new HashMap<>();
        present.forEach((id, parties) -> cast.computeIfAbsent(id, key -> new long[3])[0] = parties.size());
        jdbc.query("SELECT negotiation_id, party_id FROM overview_delegate WHERE known_from <= ? "
                + "AND (since IS NULL OR since <= ?)", row -> {
            String id = row.getString(1);
            if (present.getOrDefault(id, Set.of()).contains(row.getString(2))) {
                cast.computeIfAbsent(id, key -> new long[3])[1]++;
            }
        }, utc(moment.at()), moment.day());
        jdbc.query("SELECT negotiation_id, COUNT(*) FROM overview_topic WHERE known_from <= ? "
                        + "AND (added_on IS NULL OR added_on <= ?) GROUP BY negotiation_id",
                row -> {
                    cast.computeIfAbsent(row.getString(1), key -> new long[3])[2] = row.getLong(2);
                }, utc(moment.at()), moment.day());
        return cast;
    }

    /** A negotiation's summary: for a listing with the cast counted in {@code castCounts}, else with its cast. */
    private NegotiationSummary summary(ResultSet row, Moment moment, Map<String, EventIndex.Counts> counts,
                                       Map<String, long[]> castCounts) throws SQLException {
        String id = row.getString("negotiation_id");
        LocalDate closedOn = Rows.date(row, "closed_on");
        Instant closedAt = Rows.instant(row, "closed_at");
        boolean closed = moment.holds(closedOn, closedAt);
        String outcome = row.getString("outcome");
        boolean withCast = castCounts == null;
        List<NegotiationSummary.Party> parties = withCast ? parties(id, moment) : null;
        List<NegotiationSummary.Delegate> delegates = withCast ? delegates(id, moment,
                parties.stream().map(NegotiationSummary.Party::id).collect(Collectors.toSet())) : null;
        List<NegotiationSummary.Topic> topics = withCast ? topics(id, moment) : null;
        long[] cast = withCast ? new long[]{parties.size(), delegates.size(), topics.size()}
                : castCounts.getOrDefault(id, new long[3]);
        EventIndex.Counts events = counts.getOrDefault(id, EventIndex.Counts.NONE);
        NegotiationSummary.Counts shown = new NegotiationSummary.Counts(events.events(), cast[0], cast[1], cast[2],
                events.statements(), events.corrections(), events.retractions(), events.meetings(),
                events.exchanges(), events.outcomes());
        return new NegotiationSummary(id, row.getString("title"), row.getString("description"),
                Rows.date(row, "opened_on"), closed ? NegotiationStatus.CLOSED : NegotiationStatus.OPEN,
                closed && outcome != null ? Outcome.valueOf(outcome) : null, closed ? closedOn : null,
                closed ? row.getString("closing_summary") : null,
                closed ? row.getString("closing_agreement_id") : null, events.firstEffectiveOn(), events.lastEffectiveOn(),
                shown, Rows.instant(row, "opened_at"), events.lastRecordedAt(),
                parties, delegates, topics);
    }

    private List<NegotiationSummary.Party> parties(String negotiationId, Moment moment) {
        DatedValues roles = DatedValues.read(jdbc, "overview_role", "party_id", "role", negotiationId, moment.at());
        List<NegotiationSummary.Party> parties = new ArrayList<>();
        jdbc.query("SELECT p.party_id, p.name, COALESCE(p.joined_on, n.opened_on) AS joined_on, p.left_on, "
                + "p.left_known_from FROM overview_party p JOIN overview_negotiation n "
                + "ON n.negotiation_id = p.negotiation_id WHERE p.negotiation_id = ? AND p.known_from <= ? "
                + "ORDER BY p.ordinal", row -> {
            LocalDate joinedOn = Rows.date(row, "joined_on");
            LocalDate leftOn = Rows.date(row, "left_on");
            if (moment.present(joinedOn, leftOn, Rows.instant(row, "left_known_from"))) {
                String id = row.getString("party_id");
                parties.add(new NegotiationSummary.Party(id, row.getString("name"),
                        PartyRole.valueOf(roles.on(id, moment.day())), joinedOn));
            }
        }, negotiationId, utc(moment.at()));
        return parties;
    }

    /** The delegates known then, of the parties present, with the title each held on the day. */
    private List<NegotiationSummary.Delegate> delegates(String negotiationId, Moment moment, Set<String> partyIds) {
        DatedValues titles = DatedValues.read(jdbc, "overview_title", "delegate_id", "title", negotiationId,
                moment.at());
        return jdbc.query("SELECT delegate_id, name, party_id, since FROM overview_delegate WHERE negotiation_id = ? "
                        + "AND known_from <= ? AND (since IS NULL OR since <= ?) ORDER BY ordinal",
                (row, n) -> new NegotiationSummary.Delegate(row.getString(1), row.getString(2), row.getString(3),
                        titles.on(row.getString(1), moment.day()), Rows.date(row, "since")),
                negotiationId, utc(moment.at()), moment.day()).stream()
                .filter(delegate -> partyIds.contains(delegate.partyId())).toList();
    }

    private List<NegotiationSummary.Topic> topics(String negotiationId, Moment moment) {
        return jdbc.query("SELECT topic_id, title, description, added_on FROM overview_topic WHERE negotiation_id = ? "
                        + "AND known_from <= ? AND (added_on IS NULL OR added_on <= ?) ORDER BY ordinal",
                (row, n) -> new NegotiationSummary.Topic(row.getString(1), row.getString(2), row.getString(3),
                        Rows.date(row, "added_on")), negotiationId, utc(moment.at()), moment.day());
    }
}
