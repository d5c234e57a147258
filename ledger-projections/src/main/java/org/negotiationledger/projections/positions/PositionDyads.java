package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The dyadic view: party × counterpart × topic. Each position is the statement that decides what
 * its party held towards its counterpart on its topic, by the matrix's rule; the order is that of
 * the parties' registration, then the counterparts', then the topics'.
 */
public record PositionDyads(String negotiationId, LocalDate asOf, Instant knownAt, List<Position> positions) {
}
