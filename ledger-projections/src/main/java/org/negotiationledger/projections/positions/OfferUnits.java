package org.negotiationledger.projections.positions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offers in different units of one dimension, made comparable: durations (hours, days, weeks; a
 * month counts 30 days, a year 365), shares (%, percent, per cent, pct) and amounts of one
 * currency (a code such as USD or a sign such as $, with thousand, million or billion), each in the
 * smaller of the two units, so that the numbers stay exact. Any other units are compared only
 * when they are the same words (letter case and spaces aside).
 */
final class OfferUnits {

    /** Each duration word and how many hours it holds. */
    private static final Map<String, BigDecimal> HOURS = Map.ofEntries(
            Map.entry("hour", BigDecimal.ONE), Map.entry("hours", BigDecimal.ONE), Map.entry("h", BigDecimal.ONE),
            Map.entry("day", BigDecimal.valueOf(24)), Map.entry("days", BigDecimal.valueOf(24)),
            Map.entry("week", BigDecimal.valueOf(168)), Map.entry("weeks", BigDecimal.valueOf(168)),
            Map.entry("month", BigDecimal.valueOf(720)), Map.entry("months", BigDecimal.valueOf(720)),
            Map.entry("year", BigDecimal.valueOf(8760)), Map.entry("years", BigDecimal.valueOf(8760)));
    private static final Set<String> SHARES = Set.of("%", "percent", "per cent", "pct", "percentage points");
    private static final Map<String, String> SIGNS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "₽", "RUB",
            "₴", "UAH");
    private static final Map<String, BigDecimal> SCALES = Map.of("thousand", BigDecimal.valueOf(1_000),
            "million", BigDecimal.valueOf(1_000_000), "mn", BigDecimal.valueOf(1_000_000),
            "billion", BigDecimal.valueOf(1_000_000_000), "bn", BigDecimal.valueOf(1_000_000_000));
    /** A currency, its sign or code before or after an optional scale word: "USD million", "$ bn", "million EUR". */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?:([a-z]{3}|[$€£₽₴])\\s*(thousand|million|mn|billion|bn)?|(thousand|million|mn|billion|bn)\\s+([a-z]{3}|[$€£₽₴]))");

    /**
     * A unit and how many of a dimension's smallest unit it holds: the dimension ("hours", "%", a
     * currency code, or the words themselves) and the factor.
     */
    record Measure(String dimension, BigDecimal factor, String name) {
    }

    private OfferUnits() {
    }

    /** What {@code unit} measures, and how much of its dimension's base one of it is. */
    static Measure of(String unit) {
        String words = unit.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (HOURS.containsKey(words)) {
            return new Measure("hours", HOURS.get(words), unit);
        }
        if (SHARES.contains(words)) {
            return new Measure("%", BigDecimal.ONE, unit);
        }
        Matcher amount = AMOUNT.matcher(words);
        if (amount.matches()) {
            String currency = amount.group(1) != null ? amount.group(1) : amount.group(4);
            String scale = amount.group(2) != null ? amount.group(2) : amount.group(3);
            return new Measure(SIGNS.getOrDefault(currency, currency.toUpperCase(Locale.ROOT)),
                    scale == null ? BigDecimal.ONE : SCALES.get(scale), unit);
        }
        return new Measure("words: " + words, BigDecimal.ONE, unit);
    }

    /**
     * The unit both offers are compared in: the smaller of two units of one dimension, or null
     * when they measure different things.
     */
    static Measure common(String one, String other) {
        Measure first = of(one);
        Measure second = of(other);
        if (!first.dimension().equals(second.dimension())) {
            return null;
        }
        return first.factor().compareTo(second.factor()) <= 0 ? first : second;
    }

    /** {@code number} of the dimension's base, in {@code unit} (a week of hours: 168 → 1). */
    static BigDecimal in(BigDecimal base, Measure unit) {
        BigDecimal converted = base.divide(unit.factor(), MathContext.DECIMAL64);
        BigDecimal plain = converted.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
