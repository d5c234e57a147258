package org.negotiationledger.projections.positions;

import org.negotiationledger.core.api.Offer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The offers of two parties on one topic over effective dates, and the gap between them. */
final class OfferSeries {

    /**
     * One counting version of a party's statements on the topic, in the order that decides: a
     * later effective date, then a later recording, replaces what was in force before.
     */
    record Step(LocalDate effectiveOn, LocalDate validUntil, Offer offer) {
    }

    private OfferSeries() {
    }

    /** A point on every day either side's offer changed or lapsed, up to {@code lastDay}. */
    static OfferGaps.Pair pair(String first, List<Step> firstSteps, String second, List<Step> secondSteps,
                               LocalDate lastDay) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (List<Step> steps : List.of(firstSteps, secondSteps)) {
            for (Step step : steps) {
                days.add(step.effectiveOn());
                if (step.validUntil() != null && step.validUntil().isBefore(lastDay)) {
                    days.add(step.validUntil().plusDays(1));
                }
            }
        }
        List<OfferGaps.Point> points = new ArrayList<>();
        for (LocalDate day : days) {
            Offer one = inForce(firstSteps, day);
            Offer other = inForce(secondSteps, day);
            if (one != null || other != null) {
                points.add(new OfferGaps.Point(day, one, other, gap(one, other)));
            }
        }
        return new OfferGaps.Pair(first, second, points);
    }

    /** The offer of the statement deciding the party's position on {@code day}, unless it lapsed. */
    private static Offer inForce(List<Step> steps, LocalDate day) {
        Step deciding = null;
        for (Step step : steps) {
            if (!step.effectiveOn().isAfter(day)) {
                deciding = step;
            }
        }
        if (deciding == null || (deciding.validUntil() != null && deciding.validUntil().isBefore(day))) {
            return null;
        }
        return deciding.offer();
    }

    /** The distance between two offers: 0 when their values or ranges meet; null without two in one unit. */
    static BigDecimal gap(Offer one, Offer other) {
        if (one == null || other == null || !one.unit().equals(other.unit())) {
            return null;
        }
        BigDecimal distance;
        if (one.high().compareTo(other.low()) < 0) {
            distance = other.low().subtract(one.high());
        } else if (other.high().compareTo(one.low()) < 0) {
            distance = one.low().subtract(other.high());
        } else {
            distance = BigDecimal.ZERO;
        }
        BigDecimal plain = distance.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
