package org.negotiationledger.projections.overview;

import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.projections.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Answers from the overview view. */
@Component
public class OverviewQueries {

    private static final String NEGOTIATION = "SELECT n.*, "
            + "(SELECT COUNT(*) FROM overview_party p WHERE p.negotiation_id = n.negotiation_id) AS party_count, "
            + "(SELECT COUNT(*) FROM overview_delegate d WHERE d.negotiation_id = n.negotiation_id) AS delegate_count, "
            + "(SELECT COUNT(*) FROM overview_topic t WHERE t.negotiation_id = n.negotiation_id) AS topic_count "
            + "FROM overview_negotiation n";

    private final JdbcTemplate jdbc;

    public OverviewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public NegotiationList negotiations(NegotiationListQuery query) {
        List<NegotiationSummary> all = query.status() == null
                ? jdbc.query(NEGOTIATION + " ORDER BY n.negotiation_id", (row, n) -> summary(row, false))
                : jdbc.query(NEGOTIATION + " WHERE n.status = ? ORDER BY n.negotiation_id",
                (row, n) -> summary(row, false), query.status().name());
        return new NegotiationList(all);
    }

    /** Null when the view does not know the negotiation. */
    @QueryHandler
    public NegotiationSummary negotiation(NegotiationQuery query) {
        return jdbc.query(NEGOTIATION + " WHERE n.negotiation_id = ?", (row, n) -> summary(row, true),
                query.negotiationId()).stream().findFirst().orElse(null);
    }

    private NegotiationSummary summary(ResultSet row, boolean withCast) throws SQLException {
        String id = row.getString("negotiation_id");
        String outcome = row.getString("outcome");
        NegotiationSummary.Counts counts = new NegotiationSummary.Counts(row.getLong("event_count"),
                row.getLong("party_count"), row.getLong("delegate_count"), row.getLong("topic_count"),
                row.getLong("statement_count"), row.getLong("correction_count"), row.getLong("retraction_count"),
                row.getLong("meeting_count"), row.getLong("exchange_count"));
        return new NegotiationSummary(id, row.getString("title"), row.getString("description"),
                Rows.date(row, "opened_on"), NegotiationStatus.valueOf(row.getString("status")),
                outcome == null ? null : Outcome.valueOf(outcome), Rows.date(row, "closed_on"),
                row.getString("closing_summary"), Rows.date(row, "first_effective_on"),
                Rows.date(row, "last_effective_on"), counts, Rows.instant(row, "opened_at"),
                Rows.instant(row, "last_recorded_at"),
                withCast ? parties(id) : null, withCast ? delegates(id) : null, withCast ? topics(id) : null);
    }

    private List<NegotiationSummary.Party> parties(String negotiationId) {
        return jdbc.query("SELECT party_id, name, role FROM overview_party WHERE negotiation_id = ? ORDER BY ordinal",
                (row, n) -> new NegotiationSummary.Party(row.getString(1), row.getString(2),
                        PartyRole.valueOf(row.getString(3))), negotiationId);
    }

    private List<NegotiationSummary.Delegate> delegates(String negotiationId) {
        return jdbc.query("SELECT delegate_id, name, party_id, title FROM overview_delegate WHERE negotiation_id = ? "
                        + "ORDER BY ordinal", (row, n) -> new NegotiationSummary.Delegate(row.getString(1),
                        row.getString(2), row.getString(3), row.getString(4)), negotiationId);
    }

    private List<NegotiationSummary.Topic> topics(String negotiationId) {
        return jdbc.query("SELECT topic_id, title, description FROM overview_topic WHERE negotiation_id = ? "
                        + "ORDER BY ordinal", (row, n) -> new NegotiationSummary.Topic(row.getString(1),
                        row.getString(2), row.getString(3)), negotiationId);
    }
}
