package org.negotiationledger.projections.positions;

import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementLink;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A party's position on a topic: the statement that decides it, in the version that counts.
 *
 * @param kind       how the version came about, or LAPSED when its proposal lapsed before the day asked about
 * @param validUntil the last day the proposal holds, if it has one
 * @param meetingId  the meeting the statement was made at, if any
 * @param recordedAt when this version of the statement was recorded
 * @param machineCoded whether the statement came from event data, coded by a machine
 * @param publishers how many independent publishers report the statement
 * @param counterpartId the party the statement is addressed to, if any
 * @param effectiveAt  the time of day the statement was made, if known
 * @param links        what the position depends on (topics, other records); none for most statements
 */
public record Position(String partyId, String topicId, String statementId, int revision, VersionKind kind,
                       Stance stance, int score, String summary, String conditions, Offer offer,
                       LocalDate effectiveOn, LocalDate validUntil, String meetingId, String delegateId,
                       Instant recordedAt, boolean machineCoded, int publishers, String counterpartId,
                       LocalTime effectiveAt, List<StatementLink> links) {
}
