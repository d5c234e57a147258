package org.negotiationledger.projections.positions;

import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.OutcomeStatus;
import org.negotiationledger.core.api.PartyRole;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Parties × topics on a day, as known at a time: the parties present that day, their delegates
 * with the titles they held, the topics, the cells in which a party has taken a position, and
 * per topic the latest outcome. With a {@code counterpartId}, only the statements addressed to that
 * party decide the cells (the dyadic view of one counterpart); without, every statement does.
 */
public record PositionMatrix(String negotiationId, String title, LocalDate asOf, Instant knownAt,
                             List<MatrixParty> parties, List<MatrixDelegate> delegates, List<MatrixTopic> topics,
                             List<Position> positions, List<TopicOutcome> outcomes, String counterpartId) {

    /** A party present on the day; joinedOn is the day it joined (the opening, unless it joined later). */
    public record MatrixParty(String id, String name, PartyRole role, LocalDate joinedOn) {
    }

    public record MatrixDelegate(String id, String name, String partyId, String title) {
    }

    public record MatrixTopic(String id, String title) {
    }

    /** The latest outcome on a topic, and what had become of it by the day asked about. */
    public record TopicOutcome(String topicId, String outcomeId, OutcomeKind kind, OutcomeStatus status,
                               LocalDate reachedOn, String terms) {
    }
}
