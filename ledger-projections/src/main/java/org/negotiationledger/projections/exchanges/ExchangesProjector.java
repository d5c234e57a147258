package org.negotiationledger.projections.exchanges;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.negotiationledger.core.api.AgreementSigned;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.ExchangeCompleted;
import org.negotiationledger.core.api.ExchangeExecutionRecorded;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.Provision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.negotiationledger.projections.support.Rows.json;
import static org.negotiationledger.projections.support.Rows.utc;

/** Builds the exchanges view: terms, agreement, stages and running totals of every exchange. */
@Component
@ProcessingGroup(ExchangesProjector.NAME)
public class ExchangesProjector {

    public static final String NAME = "exchanges";

    private final JdbcTemplate jdbc;

    public ExchangesProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NegotiationOpened event) {
        jdbc.update("INSERT INTO exchanges_negotiation (negotiation_id) VALUES (?)", event.negotiationId());
    }

    @EventHandler
    void on(ExchangeProposed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        Map<String, Integer> nothingYet = new TreeMap<>();
        event.terms().sides().forEach(side -> nothingYet.put(side, 0));
        jdbc.update("INSERT INTO exchanges_exchange (negotiation_id, exchange_id, kind, proposed_by, proposed_on, "
                        + "terms_json, status, totals_json, note, ordinal, proposed_at, sources_json) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.negotiationId(), event.exchangeId(), event.terms().kind().name(), event.proposedBy(),
                event.proposedOn(), json(event.terms()), ExchangeStatus.PROPOSED.name(), json(nothingYet),
                event.note(), sequence, utc(recordedAt), json(event.sources()));
    }

    /** An exchange an agreement provides for names it, whether the agreement agreed it or it was agreed before. */
    @EventHandler
    void on(AgreementSigned event, @Timestamp Instant recordedAt) {
        event.provisions().stream().map(Provision::exchangeId).filter(Objects::nonNull).distinct().forEach(exchange ->
                jdbc.update("UPDATE exchanges_exchange SET agreement_id = ?, agreement_signed_on = ?, "
                                + "agreement_known_from = ? WHERE negotiation_id = ? AND exchange_id = ?",
                        event.agreementId(), event.signedOn(), utc(recordedAt), event.negotiationId(), exchange));
    }

    @EventHandler
    void on(ExchangeAgreed event, @Timestamp Instant recordedAt) {
        jdbc.update("UPDATE exchanges_exchange SET status = ?, agreed_by_json = ?, agreed_on = ?, meeting_id = ?, "
                        + "agreed_at = ?, agreement_sources_json = ? WHERE negotiation_id = ? AND exchange_id = ?",
                ExchangeStatus.AGREED.name(), json(event.partyIds()), event.agreedOn(), event.meetingId(),
                utc(recordedAt), json(event.sources()), event.negotiationId(), event.exchangeId());
    }

    @EventHandler
    void on(ExchangeExecutionRecorded event, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO exchanges_stage (negotiation_id, exchange_id, stage, executed_on, released_json, "
                        + "totals_json, completes, note, recorded_at, sources_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.negotiationId(), event.exchangeId(), event.stage(), event.executedOn(), json(event.released()),
                json(event.totals()), event.completes(), event.note(), utc(recordedAt), json(event.sources()));
        jdbc.update("UPDATE exchanges_exchange SET status = ?, totals_json = ? WHERE negotiation_id = ? "
                        + "AND exchange_id = ?", ExchangeStatus.PARTIALLY_EXECUTED.name(), json(event.totals()),
                event.negotiationId(), event.exchangeId());
    }

    @EventHandler
    void on(ExchangeCompleted event, @Timestamp Instant recordedAt) {
        jdbc.update("UPDATE exchanges_exchange SET status = ?, totals_json = ?, completed_on = ?, completed_at = ? "
                        + "WHERE negotiation_id = ? AND exchange_id = ?", ExchangeStatus.COMPLETED.name(),
                json(event.totals()), event.completedOn(), utc(recordedAt), event.negotiationId(),
                event.exchangeId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM exchanges_stage");
        jdbc.update("DELETE FROM exchanges_exchange");
        jdbc.update("DELETE FROM exchanges_negotiation");
    }
}
