package org.negotiationledger.projections.positions;

import org.negotiationledger.core.api.Offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How far apart the parties' numeric offers on one topic were, day by day: for every pair of
 * parties that made offers, one point per effective date on which either side's offer changed.
 */
public record OfferGaps(String negotiationId, String topicId, LocalDate asOf, Instant knownAt, List<Pair> pairs) {

    public record Pair(String firstPartyId, String secondPartyId, List<Point> points) {
    }

    /**
     * The two sides' offers in force on a day and the distance between them: between two values
     * their difference, between ranges the space between them (0 once they meet or overlap). The
     * gap is null while a side has no offer in force, or the two offers are in different units.
     */
    public record Point(LocalDate on, Offer first, Offer second, BigDecimal gap) {
    }
}
