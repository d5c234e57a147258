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

    /**
     * Two parties' offers over time, and who conceded how much: each side's move from the first day
     * both had an offer to the last, as the part of the opening gap it closed by itself (the
     * opening gap less the gap between its latest offer and the other's opening one; negative when
     * it moved away), in {@code concessionUnit}, the unit of the opening gap.
     */
    public record Pair(String firstPartyId, String secondPartyId, List<Point> points, BigDecimal firstConceded,
                       BigDecimal secondConceded, String concessionUnit) {
    }

    /**
     * The two sides' offers in force on a day and the distance between them: between two values
     * their difference, between ranges the space between them (0 once they meet or overlap), in
     * {@code unit}: the sides' unit, or for two units of one dimension (hours and days, % and
     * percent, USD and USD million) the smaller. The gap is null while a side has no offer in
     * force, or the two offers measure different things.
     */
    public record Point(LocalDate on, Offer first, Offer second, BigDecimal gap, String unit) {
    }
}
