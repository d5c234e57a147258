package org.negotiationledger.api.problems;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every limit on what the ledger accepts, in one place: the HTTP endpoints and the importer check
 * the same, and every view's columns hold whatever passes (their text columns are unbounded).
 */
public final class Limits {

    /** Ids are chosen by the client: slugs or UUIDs. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
    public static final Pattern ID_PATTERN = Pattern.compile(ID);
    public static final String ID_MESSAGE = "must be 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a "
            + "letter or digit";
    /** Titles, names, publishers, places, categories. */
    public static final int NAME = 300;
    /** Summaries, conditions, notes, reasons, quotes, descriptions. */
    public static final int TEXT = 20_000;
    public static final int URL = 2_000;
    public static final int UNIT = 40;
    public static final int KIND = 60;
    /** Entries in any one list or map of a command (parties, topics, categories, quantities, …). */
    public static final int ITEMS = 100;
    /** An offer's value: at most this many digits before the decimal point and after it. */
    public static final int OFFER_INTEGER_DIGITS = 20;
    public static final int OFFER_FRACTION_DIGITS = 10;
    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;
    /** The largest command body, and the longest import line. */
    /** The most rows of event data one record keeps the ids and addresses of. */
    public static final int CODED_ROWS = 1_000;
    public static final int BODY_BYTES = 1024 * 1024;

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern INSTANT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9:]+)");
    /** A JSON number: sign, digits, fraction, exponent; the exponent at most three digits long. */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?([0-9]{1,3}))?");
    private static final int NUMBER_TEXT = 60;

    public static final String DATE_MESSAGE = "must be a date like 2025-05-20, in the years " + FIRST_YEAR + " to "
            + LAST_YEAR;
    public static final String INSTANT_MESSAGE = "must be a UTC time like 2025-06-10T12:00:00Z, in the years "
            + FIRST_YEAR + " to " + LAST_YEAR;
    public static final String OFFER_MESSAGE = "must be a number with at most " + OFFER_INTEGER_DIGITS
            + " digits before the decimal point and " + OFFER_FRACTION_DIGITS + " after it";

    private Limits() {
    }

    /**
     * Why a text cannot be stored, or null when it can: NUL and the other C0 control characters
     * (but tab, carriage return and line feed) and lone UTF-16 surrogates are refused.
     */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return String.format("contains the control character U+%04X at position %d", (int) c, i + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("contains a lone surrogate U+%04X at position %d, which is no character",
                        (int) c, i + 1);
            }
        }
        return null;
    }

    /** A calendar date in ISO form within the supported years. */
    public static LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            throw new IllegalArgumentException(DATE_MESSAGE);
        }
        try {
            return withinYears(LocalDate.parse(text), DATE_MESSAGE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(DATE_MESSAGE);
        }
    }

    /** A point in time in ISO form within the supported years. */
    public static Instant instant(String text) {
        if (text == null || !INSTANT.matcher(text).matches()) {
            throw new IllegalArgumentException(INSTANT_MESSAGE);
        }
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            withinYears(LocalDate.ofInstant(instant, ZoneOffset.UTC), INSTANT_MESSAGE);
            return instant;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(INSTANT_MESSAGE);
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
            throw new IllegalArgumentException(OFFER_MESSAGE);
        }
        BigDecimal value = new BigDecimal(number).stripTrailingZeros();
        int fraction = Math.max(0, value.scale());
        int integer = value.precision() - value.scale();
        if (fraction > OFFER_FRACTION_DIGITS || integer > OFFER_INTEGER_DIGITS) {
            throw new IllegalArgumentException(OFFER_MESSAGE);
        }
        return value;
    }

    private static LocalDate withinYears(LocalDate date, String message) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException(message);
        }
        return date;
    }
}
