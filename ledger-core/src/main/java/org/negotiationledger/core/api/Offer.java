package org.negotiationledger.core.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A quantity a statement puts on the table, e.g. 1000 prisoners or 4.5 %.
 * The value is kept without trailing zeros, so that 4.50 and 4.5 are the same offer.
 */
public record Offer(BigDecimal value, String unit) {

    public Offer {
        Objects.requireNonNull(value, "an offer needs a value");
        Objects.requireNonNull(unit, "an offer needs a unit");
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    public static Offer of(long value, String unit) {
        return new Offer(BigDecimal.valueOf(value), unit);
    }
}
