package org.negotiationledger.projections.positions;

import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.core.api.AgreementStage;
import org.negotiationledger.core.api.Provision;
import org.negotiationledger.core.api.Signatory;
import org.negotiationledger.projections.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers about agreements from the positions view: an agreement is an outcome (its day, parties,
 * sources, statuses and retraction are the outcome's, read as of any day and time) with the
 * document's title, stage, signatories and provisions kept beside it.
 */
@Component
public class AgreementQueries {

    private static final TypeReference<List<Signatory>> SIGNATORIES = new TypeReference<>() {
    };
    private static final TypeReference<List<Provision>> PROVISIONS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final PositionQueries positions;

    public AgreementQueries(JdbcTemplate jdbc, PositionQueries positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    /** Null when the view does not know the negotiation. */
    @QueryHandler
    public AgreementList agreements(FindAgreements query) {
        OutcomeList outcomes = positions.outcomes(new FindOutcomes(query.negotiationId(), null, null, query.asOf(),
                query.knownAt()));
        if (outcomes == null) {
            return null;
        }
        Map<String, Document> documents = new HashMap<>();
        jdbc.query("SELECT agreement_id, title, stage, signatories_json, provisions_json FROM positions_agreement "
                + "WHERE negotiation_id = ?", row -> {
            documents.put(row.getString("agreement_id"), new Document(row.getString("title"),
                    AgreementStage.valueOf(row.getString("stage")),
                    Rows.fromJson(row.getString("signatories_json"), SIGNATORIES),
                    Rows.fromJson(row.getString("provisions_json"), PROVISIONS)));
        }, query.negotiationId());
        List<SignedAgreement> agreements = outcomes.outcomes().stream().filter(o -> documents.containsKey(o.id()))
                .map(o -> {
                    Document document = documents.get(o.id());
                    return new SignedAgreement(o.id(), document.title(), o.reachedOn(), document.stage(),
                            document.signatories(), document.provisions(), o.meetingId(), o.sources(), o.status(),
                            o.statuses(), o.retracted(), o.retractionReason(), o.recordedAt());
                }).toList();
        return new AgreementList(query.negotiationId(), query.asOf(), query.knownAt(), agreements);
    }

    /** Null when the agreement was not signed by then, or not recorded by then, or does not exist. */
    @QueryHandler
    public SignedAgreement agreement(FindAgreement query) {
        AgreementList all = agreements(new FindAgreements(query.negotiationId(), query.asOf(), query.knownAt()));
        return all == null ? null : all.agreements().stream()
                .filter(agreement -> agreement.id().equals(query.agreementId())).findFirst().orElse(null);
    }

    /** What an agreement's document adds to its outcome. */
    private record Document(String title, AgreementStage stage, List<Signatory> signatories,
                            List<Provision> provisions) {
    }
}
