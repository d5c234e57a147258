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
                Distance distance = distance(one, other);
                points.add(new OfferGaps.Point(day, one, other, distance == null ? null : distance.shown(),
                        distance == null ? null : distance.shownIn().name()));
            }
        }
        List<OfferGaps.Point> both = points.stream().filter(p -> p.first() != null && p.second() != null).toList();
        if (both.isEmpty()) {
            return new OfferGaps.Pair(first, second, points, null, null, null);
        }
        OfferGaps.Point opening = both.get(0);
        OfferGaps.Point latest = both.get(both.size() - 1);
        Distance initial = distance(opening.first(), opening.second());
        return new OfferGaps.Pair(first, second, points,
                conceded(initial, distance(latest.first(), opening.second())),
                conceded(initial, distance(opening.first(), latest.second())),
                initial == null ? null : initial.shownIn().name());
    }

    /**
     * How much of the opening gap a side closed by its move alone: the opening gap less the gap
     * between its latest offer and the other side's opening one (negative: it moved away).
     */
    private static BigDecimal conceded(Distance opening, Distance afterTheMove) {
        if (opening == null || afterTheMove == null) {
            return null;
        }
        return OfferUnits.in(opening.base().subtract(afterTheMove.base()), opening.shownIn());
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

    /**
     * How far apart two offers are, in their dimension's base ({@link OfferUnits}), and the unit it
     * is shown in: theirs when they share it, else the smaller of the two.
     */
    record Distance(BigDecimal base, OfferUnits.Measure shownIn) {

        BigDecimal shown() {
            return OfferUnits.in(base, shownIn);
        }
    }

    /** The distance between two offers: 0 when their values or ranges meet; null without two of one dimension. */
    static Distance distance(Offer one, Offer other) {
        if (one == null || other == null) {
            return null;
        }
        OfferUnits.Measure common = OfferUnits.common(one.unit(), other.unit());
        if (common == null) {
            return null;
        }
        OfferUnits.Measure first = OfferUnits.of(one.unit());
        OfferUnits.Measure second = OfferUnits.of(other.unit());
        BigDecimal oneLow = one.low().multiply(first.factor());
        BigDecimal oneHigh = one.high().multiply(first.factor());
        BigDecimal otherLow = other.low().multiply(second.factor());
        BigDecimal otherHigh = other.high().multiply(second.factor());
        BigDecimal base;
        if (oneHigh.compareTo(otherLow) < 0) {
            base = otherLow.subtract(oneHigh);
        } else if (otherHigh.compareTo(oneLow) < 0) {
            base = oneLow.subtract(otherHigh);
        } else {
            base = BigDecimal.ZERO;
        }
        return new Distance(base, one.unit().equals(other.unit()) ? first : common);
    }

    /** The distance shown in its unit; null without two offers of one dimension. */
    static BigDecimal gap(Offer one, Offer other) {
        Distance distance = distance(one, other);
        return distance == null ? null : distance.shown();
    }
}
