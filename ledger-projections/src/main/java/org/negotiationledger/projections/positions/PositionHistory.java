package org.negotiationledger.projections.positions;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;

import java.time.Instant;
import java.time.LocalDate;
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
     * @param coding       what a machine coded, for a statement brought in from event data; null otherwise
     */
    public record HistoryEntry(String statementId, int revision, VersionKind kind, Stance stance, int score,
                               String summary, String conditions, Offer offer, LocalDate effectiveOn,
                               LocalDate validUntil, String meetingId, String delegateId, String delegateTitle,
                               Source source, EventCoding coding, String note, String reason, Instant recordedAt,
                               Instant supersededAt, boolean superseded) {

        /** Whether the statement came from event data, coded by a machine. */
        @JsonProperty
        public boolean machineCoded() {
            return coding != null;
        }
    }
}
