package org.negotiationledger.projections.positions;

import org.negotiationledger.core.api.BodyKind;
import org.negotiationledger.core.api.BodyMember;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.projections.support.Sourced;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The bodies of a negotiation (working groups, missions, committees), in the order created. */
public record BodyList(String negotiationId, LocalDate asOf, Instant knownAt, List<Body> bodies) {

    /**
     * A body, and its dissolution as far as it had happened by the day and was known at the time.
     *
     * @param agreementId the agreement that made it, if one did
     * @param meetingId   the meeting that made it, if one did
     * @param recordedAt  when its creation was recorded
     * @param active      whether it was not dissolved by the day asked about
     */
    public record Body(String id, String name, BodyKind kind, String mandate, LocalDate createdOn,
                       List<BodyMember> members, List<String> topicIds, String agreementId, String meetingId,
                       List<Source> sources, Instant recordedAt, boolean active, LocalDate dissolvedOn,
                       String dissolutionReason, List<Source> dissolutionSources) implements Sourced {
    }
}
