package org.negotiationledger.projections.positions;

import org.negotiationledger.core.api.PartyRole;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Parties × topics; {@code positions} holds the cells in which a party has taken a position. */
public record PositionMatrix(String negotiationId, String title, LocalDate asOf, Instant knownAt,
                             List<MatrixParty> parties, List<MatrixTopic> topics, List<Position> positions) {

    public record MatrixParty(String id, String name, PartyRole role) {
    }

    public record MatrixTopic(String id, String title) {
    }
}
