package org.negotiationledger.projections.exchanges;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.negotiationledger.core.api.ExchangeTerms;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.projections.support.Sourced;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An exchange as it stood on a day, as known at a time: its agreement, stages, totals and status
 * are those in force then.
 *
 * @param proposedBy the party that proposed it, or null when the sources do not say
 * @param agreement  null until the sides agreed
 * @param totals     per side, how many it has released so far
 * @param note       what the sources leave vague about it
 * @param sources    every report of the proposal
 */
@JsonPropertyOrder({"negotiationId", "id", "kind", "proposedBy", "proposedOn", "terms", "status", "agreement",
        "stages", "totals", "completedOn", "note", "recordedAt", "sources", "publishers", "machineCoded"})
public record Exchange(String negotiationId, String id, String kind, String proposedBy, LocalDate proposedOn,
                       ExchangeTerms terms, ExchangeStatus status, Agreement agreement, List<Stage> stages,
                       Map<String, Integer> totals, LocalDate completedOn, String note, Instant recordedAt,
                       List<Source> sources) implements Sourced {

    /**
     * Whether the exchange came from event data, coded by a machine: never, since event data makes
     * statements, outcomes and meetings only; said so that every kind of record answers the question.
     */
    @JsonProperty
    public boolean machineCoded() {
        return false;
    }

    /**
     * The sides' agreement, with every report of it, and the agreement (the document) that provides
     * for the exchange, once it was signed.
     */
    @JsonPropertyOrder({"partyIds", "agreedOn", "meetingId", "recordedAt", "sources", "publishers", "agreementId"})
    public record Agreement(List<String> partyIds, LocalDate agreedOn, String meetingId, Instant recordedAt,
                            List<Source> sources, String agreementId) implements Sourced {
    }

    /** A stage carried out, with every report of it. */
    public record Stage(int stage, LocalDate executedOn, Map<String, Integer> released, Map<String, Integer> totals,
                        boolean completes, String note, Instant recordedAt, List<Source> sources) implements Sourced {
    }
}
