package org.negotiationledger.projections.positions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementLink;
import org.negotiationledger.projections.support.Sourced;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** One party's statements on one topic, oldest effective date first, each version in order. */
public record PositionHistory(String negotiationId, String partyId, String topicId, LocalDate asOf, Instant knownAt,
                              List<HistoryEntry> entries) {

    /**
     * One version of a statement.
     *
     * @param recordedAt   when the ledger stored this version
     * @param supersededAt when a correction or retraction replaced it, if that was known at the query's time
     * @param superseded   whether a later version replaced it
     * @param reason       why the statement was corrected or retracted (for those versions)
     * @param delegateTitle the delegate's title on the statement's effective day, as known at the query's time
     * @param sources      every report of the statement, the first as it was recorded first
     * @param coding       what a machine coded, for a statement brought in from event data; null otherwise
     * @param counterpartId the party the statement is addressed to, if any
     * @param effectiveAt  the time of day it was made, if known
     * @param links        what the position depends on (topics, other records)
     */
    @JsonPropertyOrder({"statementId", "revision", "kind", "stance", "score", "summary", "conditions", "offer",
            "effectiveOn", "effectiveAt", "validUntil", "meetingId", "counterpartId", "links", "delegateId", "delegateTitle", "sources", "coding", "note",
            "reason", "recordedAt", "supersededAt", "superseded", "source", "publishers", "machineCoded"})
    public record HistoryEntry(String statementId, int revision, VersionKind kind, Stance stance, int score,
                               String summary, String conditions, Offer offer, LocalDate effectiveOn,
                               LocalDate validUntil, String meetingId, String delegateId, String delegateTitle,
                               List<Source> sources, EventCoding coding, String note, String reason,
                               Instant recordedAt, Instant supersededAt, boolean superseded, String counterpartId,
                               LocalTime effectiveAt, List<StatementLink> links) implements Sourced {

        /** The first of the sources, as a client of a release before the list knew it; null when none. */
        @JsonProperty
        public Source source() {
            return sources.isEmpty() ? null : sources.get(0);
        }

        /** Whether the statement came from event data, coded by a machine. */
        @JsonProperty
        public boolean machineCoded() {
            return coding != null;
        }
    }
}
