package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The cells whose deciding statement differs between two effective dates. */
public record PositionChanges(String negotiationId, LocalDate from, LocalDate to, Instant knownAt,
                              List<Change> changes) {

    /**
     * @param before      the position on {@code from}, null when the party had none yet
     * @param after       the position on {@code to}, null when it no longer has one
     * @param scoreChange after's score minus before's, when both exist
     */
    public record Change(String partyId, String topicId, Position before, Position after, Integer scoreChange) {
    }
}
