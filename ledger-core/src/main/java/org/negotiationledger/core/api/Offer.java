package org.negotiationledger.core.api;

import java.math.BigDecimal;

/**
 * A quantity a statement puts on the table: one value (1000 prisoners, 4.5 %) or a range
 * ("24 to 48 hours": min 24, max 48). Numbers are kept without trailing zeros, so that 4.50 and
 * 4.5 are the same offer. Whether it is well-formed (a value or a range, not both, min not above
 * max) is the aggregate's rule {@code invalid-offer}.
 */
public record Offer(BigDecimal value, BigDecimal min, BigDecimal max, @Required String unit) {

    public Offer {
        value = plain(value);
        min = plain(min);
        max = plain(max);
    }

    public Offer(BigDecimal value, String unit) {
        this(value, null, null, unit);
    }

    public static Offer of(long value, String unit) {
        return new Offer(BigDecimal.valueOf(value), unit);
    }

    public static Offer range(BigDecimal min, BigDecimal max, String unit) {
        return new Offer(null, min, max, unit);
    }

    /** The lowest number the offer takes in: its value, or the bottom of its range. */
    public BigDecimal low() {
        return value != null ? value : min;
    }

    /** The highest number the offer takes in: its value, or the top of its range. */
    public BigDecimal high() {
        return value != null ? value : max;
    }

    private static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
