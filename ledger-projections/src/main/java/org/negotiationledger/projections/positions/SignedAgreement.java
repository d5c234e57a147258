package org.negotiationledger.projections.positions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.negotiationledger.core.api.AgreementStage;
import org.negotiationledger.core.api.OutcomeStatus;
import org.negotiationledger.core.api.Provision;
import org.negotiationledger.core.api.Signatory;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.projections.support.Sourced;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement the parties signed, as it stood on a day as known at a time: the document (title,
 * stage, signatories, provisions) and, as for any outcome, what had become of it and whether it was
 * retracted.
 *
 * @param status   what had become of it by the day asked about; null when nothing is recorded
 * @param statuses every status in force by that day, oldest first
 */
@JsonPropertyOrder({"id", "title", "signedOn", "stage", "partyIds", "topicIds", "signatories", "provisions",
        "meetingId", "sources", "publishers", "status", "statuses", "retracted", "retractionReason", "recordedAt",
        "machineCoded"})
public record SignedAgreement(String id, String title, LocalDate signedOn, AgreementStage stage,
                              List<Signatory> signatories, List<Provision> provisions, String meetingId,
                              List<Source> sources, OutcomeStatus status, List<Outcome.StatusChange> statuses,
                              boolean retracted, String retractionReason, Instant recordedAt) implements Sourced {

    /** The parties that signed, each once. */
    @JsonProperty
    public List<String> partyIds() {
        return signatories.stream().map(Signatory::partyId).distinct().toList();
    }

    /** The topics it provides for, each once: those it is the outcome on. */
    @JsonProperty
    public List<String> topicIds() {
        return provisions.stream().map(Provision::topicId).distinct().toList();
    }

    /** Event data makes no agreements: said so that every kind of record answers the question. */
    @JsonProperty
    public boolean machineCoded() {
        return false;
    }
}
