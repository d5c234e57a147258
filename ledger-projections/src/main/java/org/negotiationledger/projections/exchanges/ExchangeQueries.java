package org.negotiationledger.projections.exchanges;

import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.core.api.ExchangeTerms;
import org.negotiationledger.projections.support.Moment;
import org.negotiationledger.projections.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Answers from the exchanges view; null when the view does not know the negotiation or exchange.
 * Each exchange is shown as it stood on the day asked about, as known at the time asked about:
 * an agreement, stage or completion that took effect later, or was recorded later, is not yet
 * there, and the status and totals are those of the stages that are.
 */
@Component
public class ExchangeQueries {

    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };
    private static final String EXCHANGE = "SELECT negotiation_id, exchange_id, kind, proposed_by, proposed_on, "
            + "terms_json, agreed_by_json, agreed_on, meeting_id, completed_on, completed_at, note, proposed_at, "
            + "agreed_at, sources_json, agreement_sources_json, agreement_id, agreement_signed_on, agreement_known_from "
            + "FROM exchanges_exchange WHERE negotiation_id = ? AND proposed_on <= ? AND proposed_at <= ?";

    private final JdbcTemplate jdbc;

    public ExchangeQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ExchangeList exchanges(FindExchanges query) {
        if (!Rows.knows(jdbc, "exchanges_negotiation", query.negotiationId())) {
            return null;
        }
        Moment moment = new Moment(query.asOf(), query.knownAt());
        return new ExchangeList(query.negotiationId(), query.asOf(), query.knownAt(),
                jdbc.query(EXCHANGE + " ORDER BY ordinal", (row, n) -> exchange(row, moment), query.negotiationId(),
                        moment.day(), utc(moment.at())));
    }

    @QueryHandler
    public Exchange exchange(FindExchange query) {
        Moment moment = new Moment(query.asOf(), query.knownAt());
        return jdbc.query(EXCHANGE + " AND exchange_id = ?", (row, n) -> exchange(row, moment),
                query.negotiationId(), moment.day(), utc(moment.at()), query.exchangeId()).stream().findFirst()
                .orElse(null);
    }

    private Exchange exchange(ResultSet row, Moment moment) throws SQLException {
        String negotiationId = row.getString("negotiation_id");
        String exchangeId = row.getString("exchange_id");
        ExchangeTerms terms = Rows.fromJson(row.getString("terms_json"), ExchangeTerms.class);
        Exchange.Agreement agreement = moment.holds(Rows.date(row, "agreed_on"), Rows.instant(row, "agreed_at"))
                ? new Exchange.Agreement(Rows.fromJson(row.getString("agreed_by_json"), IDS),
                Rows.date(row, "agreed_on"), row.getString("meeting_id"), Rows.instant(row, "agreed_at"),
                Rows.sources(row, "agreement_sources_json"),
                moment.holds(Rows.date(row, "agreement_signed_on"), Rows.instant(row, "agreement_known_from"))
                        ? row.getString("agreement_id") : null)
                : null;
        List<Exchange.Stage> stages = jdbc.query("SELECT stage, executed_on, released_json, totals_json, completes, "
                        + "note, recorded_at, sources_json FROM exchanges_stage WHERE negotiation_id = ? AND exchange_id = ? "
                        + "AND executed_on <= ? AND recorded_at <= ? ORDER BY stage",
                (stage, n) -> new Exchange.Stage(stage.getInt("stage"), Rows.date(stage, "executed_on"),
                        Rows.fromJson(stage.getString("released_json"), COUNTS),
                        Rows.fromJson(stage.getString("totals_json"), COUNTS), stage.getBoolean("completes"),
                        stage.getString("note"), Rows.instant(stage, "recorded_at"),
                        Rows.sources(stage, "sources_json")),
                negotiationId, exchangeId, moment.day(), utc(moment.at()));
        Map<String, Integer> totals = new TreeMap<>();
        terms.sides().forEach(side -> totals.put(side, 0));
        if (!stages.isEmpty()) {
            totals.putAll(stages.get(stages.size() - 1).totals());
        }
        boolean completed = moment.holds(Rows.date(row, "completed_on"), Rows.instant(row, "completed_at"));
        ExchangeStatus status = completed ? ExchangeStatus.COMPLETED
                : !stages.isEmpty() ? ExchangeStatus.PARTIALLY_EXECUTED
                : agreement != null ? ExchangeStatus.AGREED
                : ExchangeStatus.PROPOSED;
        return new Exchange(negotiationId, exchangeId, row.getString("kind"), row.getString("proposed_by"),
                Rows.date(row, "proposed_on"), terms, status, agreement, stages, totals,
                completed ? Rows.date(row, "completed_on") : null, row.getString("note"),
                Rows.instant(row, "proposed_at"), Rows.sources(row, "sources_json"));
    }
}
