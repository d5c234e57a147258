package org.negotiationledger.projections.exchanges;

import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.core.api.ExchangeTerms;
import org.negotiationledger.projections.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Answers from the exchanges view; null when the view does not know the negotiation or exchange. */
@Component
public class ExchangeQueries {

    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };
    private static final String EXCHANGE = "SELECT negotiation_id, exchange_id, kind, proposed_by, proposed_on, "
            + "terms_json, status, agreed_by_json, agreed_on, meeting_id, totals_json, completed_on, note, "
            + "proposed_at, "
            + "agreed_at FROM exchanges_exchange WHERE negotiation_id = ?";

    private final JdbcTemplate jdbc;

    public ExchangeQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ExchangeList exchanges(ExchangeListQuery query) {
        if (!Rows.knows(jdbc, "exchanges_negotiation", query.negotiationId())) {
            return null;
        }
        return new ExchangeList(query.negotiationId(), jdbc.query(EXCHANGE + " ORDER BY ordinal",
                (row, n) -> exchange(row), query.negotiationId()));
    }

    @QueryHandler
    public Exchange exchange(ExchangeQuery query) {
        return jdbc.query(EXCHANGE + " AND exchange_id = ?", (row, n) -> exchange(row), query.negotiationId(),
                query.exchangeId()).stream().findFirst().orElse(null);
    }

    private Exchange exchange(ResultSet row) throws SQLException {
        String negotiationId = row.getString("negotiation_id");
        String exchangeId = row.getString("exchange_id");
        Exchange.Agreement agreement = row.getString("agreed_by_json") == null ? null
                : new Exchange.Agreement(Rows.fromJson(row.getString("agreed_by_json"), IDS),
                Rows.date(row, "agreed_on"), row.getString("meeting_id"), Rows.instant(row, "agreed_at"));
        List<Exchange.Stage> stages = jdbc.query("SELECT stage, executed_on, released_json, totals_json, completes, "
                        + "note, recorded_at FROM exchanges_stage WHERE negotiation_id = ? AND exchange_id = ? "
                        + "ORDER BY stage",
                (stage, n) -> new Exchange.Stage(stage.getInt("stage"), Rows.date(stage, "executed_on"),
                        Rows.fromJson(stage.getString("released_json"), COUNTS),
                        Rows.fromJson(stage.getString("totals_json"), COUNTS), stage.getBoolean("completes"),
                        stage.getString("note"), Rows.instant(stage, "recorded_at")),
                negotiationId, exchangeId);
        return new Exchange(negotiationId, exchangeId, row.getString("kind"), row.getString("proposed_by"),
                Rows.date(row, "proposed_on"), Rows.fromJson(row.getString("terms_json"), ExchangeTerms.class),
                ExchangeStatus.valueOf(row.getString("status")), agreement, stages,
                Rows.fromJson(row.getString("totals_json"), COUNTS), Rows.date(row, "completed_on"),
                row.getString("note"), Rows.instant(row, "proposed_at"));
    }
}
