package org.negotiationledger.api.problems;

import org.negotiationledger.core.api.Values;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the text of a request into the ledger's values: dates, times and numbers in their strict
 * forms, and the largest body. What a value may hold once read is the core's to say
 * ({@link Values}), the same for every way in.
 */
public final class Limits {

    /** The largest command body, and the longest import line. */
    public static final int BODY_BYTES = 1024 * 1024;

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern INSTANT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)");
    /** A JSON number: sign, digits, fraction, exponent; the exponent at most three digits long. */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?([0-9]{1,3}))?");
    private static final int NUMBER_TEXT = 60;

    private Limits() {
    }

    /** A calendar date in ISO form within the supported years. */
    public static LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            throw new IllegalArgumentException(Values.DATE_MESSAGE);
        }
        try {
            return withinYears(LocalDate.parse(text), Values.DATE_MESSAGE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(Values.DATE_MESSAGE);
        }
    }

    /** A point in time in ISO form within the supported years. */
    public static Instant instant(String text) {
        if (text == null || !INSTANT.matcher(text).matches()) {
            throw new IllegalArgumentException(Values.INSTANT_MESSAGE);
        }
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            withinYears(LocalDate.ofInstant(instant, ZoneOffset.UTC), Values.INSTANT_MESSAGE);
            return instant;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(Values.INSTANT_MESSAGE);
        }
    }

    /**
     * An offer's value from the text of a JSON number, checked before it is parsed: a number like
     * 1e10000000 is short, but its digits would not be.
     */
    public static BigDecimal offerValue(String number) {
        Matcher matcher = NUMBER.matcher(number);
        if (number.length() > NUMBER_TEXT || !matcher.matches()
                || (matcher.group(3) != null && Integer.parseInt(matcher.group(3)) > 2 * NUMBER_TEXT)) {
            throw new IllegalArgumentException(Values.OFFER_MESSAGE);
        }
        BigDecimal value = new BigDecimal(number).stripTrailingZeros();
        if (Values.offerProblem(value) != null) {
            throw new IllegalArgumentException(Values.OFFER_MESSAGE);
        }
        return value;
    }

    private static LocalDate withinYears(LocalDate date, String message) {
        if (!Values.withinYears(date)) {
            throw new IllegalArgumentException(message);
        }
        return date;
    }
}
