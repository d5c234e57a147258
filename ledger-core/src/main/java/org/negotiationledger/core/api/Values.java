package org.negotiationledger.core.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a single value of a record may hold: the one place of these rules. Every command is checked
 * against them before it is handled ({@link #check}), and so is every event a restore brings in,
 * whichever way it came: HTTP, an import line, event data, a restore, the next door. Every column
 * of every view holds whatever passes.
 *
 * <p>A field's rule follows from its name, the same in every command and event: {@code title} is a
 * name of at most {@value #NAME} characters wherever it stands, {@code summary} a text of at most
 * {@value #TEXT}, {@code partyIds} a list of ids. A field with no rule here is an error of the
 * code, found by the tests that check every command and event.
 */
public final class Values {

    /** Ids are chosen by the client: slugs or UUIDs. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
    public static final String ID_MESSAGE = "must be 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a "
            + "letter or digit";
    /** Titles, names, publishers, places, categories. */
    public static final int NAME = 300;
    /** Summaries, conditions, notes, reasons, quotes, descriptions, terms. */
    public static final int TEXT = 20_000;
    public static final int URL = 2_000;
    public static final int UNIT = 40;
    /** Codes and short words: an exchange's kind in words, a dataset's event ids and actor codes. */
    public static final int CODE = 60;
    /** Entries in any one list or map of a record (parties, topics, categories, quantities, …). */
    public static final int ITEMS = 100;
    /** The most rows of event data one record keeps the ids and addresses of. */
    public static final int CODED_ROWS = 1_000;
    /** An offer's value: at most this many digits before the decimal point and after it. */
    public static final int OFFER_INTEGER_DIGITS = 20;
    public static final int OFFER_FRACTION_DIGITS = 10;
    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;

    public static final String DATE_MESSAGE = "must be a date like 2025-05-20, in the years " + FIRST_YEAR + " to "
            + LAST_YEAR;
    public static final String INSTANT_MESSAGE = "must be a UTC time like 2025-06-10T12:00:00Z, in the years "
            + FIRST_YEAR + " to " + LAST_YEAR;
    public static final String OFFER_MESSAGE = "must be a number with at most " + OFFER_INTEGER_DIGITS
            + " digits before the decimal point and " + OFFER_FRACTION_DIGITS + " after it";

    /** What a text may be, besides free of control characters: how long, and of which form. */
    public enum Text {
        ID(128, Values.ID, ID_MESSAGE),
        NAME(Values.NAME, null, null),
        LONG(Values.TEXT, null, null),
        LINK(Values.URL, "https?://\\S+", "must be an http(s) URL"),
        GRADE(1, "[A-F]", "must be a grade of the source's reliability from A to F"),
        ADDRESS(Values.URL, null, null),
        UNIT(Values.UNIT, null, null),
        CODE(Values.CODE, null, null),
        LANGUAGE(Values.CODE, "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", "must be a language tag such as 'ru' or 'en-GB'"),
        DATASET(Values.CODE, "gdelt1|gdelt2|icews", "must be gdelt1, gdelt2 or icews"),
        CAMEO(Values.CODE, "[0-9]{2,4}", "must be a CAMEO code of 2 to 4 digits");

        private final int length;
        private final Pattern form;
        private final String formMessage;

        Text(int length, String form, String formMessage) {
            this.length = length;
            this.form = form == null ? null : Pattern.compile(form);
            this.formMessage = formMessage;
        }

        /** The most characters (UTF-16 units) the text may have. */
        public int length() {
            return length;
        }

        /** {@code text}, or a refusal naming {@code field}. */
        public String check(String field, String text) {
            String problem = textProblem(text);
            if (problem != null) {
                throw new InvalidValueException(field, problem);
            }
            if (text.length() > length) {
                throw new InvalidValueException(field, "is longer than " + length + " characters");
            }
            if (form != null && !form.matcher(text).matches()) {
                throw new InvalidValueException(field, formMessage);
            }
            return text;
        }

        /** Whether {@code text} passes, for a reader that keeps only what a record can hold. */
        public boolean fits(String text) {
            return text != null && textProblem(text) == null && text.length() <= length
                    && (form == null || form.matcher(text).matches());
        }
    }

    /** The rule of each text field, list of texts and map key, by the field's name. */
    private static final Map<String, Text> TEXTS = Map.ofEntries(
            Map.entry("negotiationId", Text.ID), Map.entry("partyId", Text.ID),
            Map.entry("delegateId", Text.ID), Map.entry("topicId", Text.ID),
            Map.entry("statementId", Text.ID), Map.entry("correctionId", Text.ID),
            Map.entry("meetingId", Text.ID), Map.entry("exchangeId", Text.ID), Map.entry("agreementId", Text.ID),
            Map.entry("outcomeId", Text.ID), Map.entry("batchId", Text.ID), Map.entry("corroborationId", Text.ID),
            Map.entry("targetPartyId", Text.ID), Map.entry("proposedBy", Text.ID), Map.entry("counterpartId", Text.ID),
            Map.entry("partyIds", Text.ID), Map.entry("mediatorIds", Text.ID), Map.entry("accountId", Text.ID),
            Map.entry("topicIds", Text.ID), Map.entry("sides", Text.ID), Map.entry("heads", Text.ID),
            Map.entry("quantities", Text.ID), Map.entry("released", Text.ID), Map.entry("reportedBy", Text.ID),
            Map.entry("totals", Text.ID), Map.entry("recordId", Text.ID), Map.entry("packageId", Text.ID),
            Map.entry("title", Text.NAME), Map.entry("name", Text.NAME), Map.entry("field", Text.NAME),
            Map.entry("publisher", Text.NAME), Map.entry("location", Text.NAME),
            Map.entry("place", Text.NAME), Map.entry("country", Text.NAME),
            Map.entry("categories", Text.NAME), Map.entry("publishers", Text.NAME),
            Map.entry("sectors", Text.NAME), Map.entry("role", Text.NAME), Map.entry("bodyId", Text.ID),
            Map.entry("description", Text.LONG), Map.entry("summary", Text.LONG),
            Map.entry("conditions", Text.LONG), Map.entry("note", Text.LONG), Map.entry("mandate", Text.LONG),
            Map.entry("reason", Text.LONG), Map.entry("quote", Text.LONG),
            Map.entry("terms", Text.LONG), Map.entry("text", Text.LONG), Map.entry("category", Text.NAME),
            Map.entry("url", Text.LINK), Map.entry("urls", Text.ADDRESS),
            Map.entry("unit", Text.UNIT),
            Map.entry("kindText", Text.CODE), Map.entry("code", Text.CODE),
            Map.entry("eventIds", Text.CODE), Map.entry("stories", Text.CODE),
            Map.entry("groups", Text.CODE),
            Map.entry("reliability", Text.GRADE), Map.entry("language", Text.LANGUAGE),
            Map.entry("dataset", Text.DATASET),
            Map.entry("cameoCode", Text.CAMEO));

    /** Lists that keep what many rows of event data coded; every other list holds at most {@value #ITEMS}. */
    private static final Set<String> CODED_LISTS = Set.of("eventIds", "urls", "publishers", "stories", "actors",
            "targets");

    /** Bounds of the numbers that have them, by the field's name: lowest and highest, inclusive. */
    private static final Map<String, BigDecimal[]> BOUNDS = Map.ofEntries(
            bounds("goldstein", -10, 10), bounds("tone", -100, 100), bounds("latitude", -90, 90),
            bounds("longitude", -180, 180), bounds("quadClass", 1, 4), bounds("stage", 1, Integer.MAX_VALUE),
            bounds("quantities", 1, Integer.MAX_VALUE), bounds("released", 0, Integer.MAX_VALUE),
            bounds("totals", 0, Integer.MAX_VALUE), bounds("mentions", 0, Integer.MAX_VALUE),
            bounds("sources", 0, Integer.MAX_VALUE), bounds("articles", 0, Integer.MAX_VALUE),
            bounds("credibility", 1, 6));
    /** An offer's numbers: bounded by their digits. */
    private static final Set<String> OFFER_NUMBERS = Set.of("value", "min", "max");

    private Values() {
    }

    /**
     * Refuses {@code record} (a command, an event, or a value of one) when a field holds what no
     * record may hold, naming the first such field.
     */
    public static void check(Record record) {
        checkRecord("", record);
    }

    /** The rule of a text field, list of texts or map's keys, or null when {@code field} has none. */
    public static Text textRule(String field) {
        return TEXTS.get(field);
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

    /** Why an offer's number cannot be kept, or null when it can. */
    public static String offerProblem(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        int fraction = Math.max(0, stripped.scale());
        int integer = stripped.precision() - stripped.scale();
        return fraction > OFFER_FRACTION_DIGITS || integer > OFFER_INTEGER_DIGITS ? OFFER_MESSAGE : null;
    }

    /** Whether a day lies in the years the ledger keeps. */
    public static boolean withinYears(LocalDate day) {
        return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

    private static void checkRecord(String path, Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            String field = path + component.getName();
            Object value = read(component, record);
            if (value == null || (value instanceof String text && text.isBlank())) {
                if (component.isAnnotationPresent(Required.class)) {
                    throw new InvalidValueException(field, value == null ? "is required" : "must not be blank");
                }
                if (value == null) {
                    continue;
                }
            }
            checkValue(field, component.getName(), value);
        }
    }

    private static void checkValue(String field, String name, Object value) {
        if (value instanceof String text) {
            Text rule = TEXTS.get(name);
            if (rule == null) {
                throw new IllegalStateException("no rule for the text field '" + name + "'");
            }
            rule.check(field, text);
        } else if (value instanceof Record inner) {
            checkRecord(field + ".", inner);
        } else if (value instanceof LocalDate day) {
            if (!withinYears(day)) {
                throw new InvalidValueException(field, DATE_MESSAGE);
            }
        } else if (value instanceof Instant instant) {
            if (!withinYears(LocalDate.ofInstant(instant, ZoneOffset.UTC))) {
                throw new InvalidValueException(field, INSTANT_MESSAGE);
            }
        } else if (value instanceof BigDecimal || value instanceof Integer) {
            checkNumber(field, name, value);
        } else if (value instanceof Collection<?> items) {
            checkSize(field, name, items.size());
            int index = 0;
            for (Object item : items) {
                String itemField = field + "[" + index++ + "]";
                if (item == null) {
                    throw new InvalidValueException(itemField, "must not be null");
                }
                checkValue(itemField, name, item);
            }
        } else if (value instanceof Map<?, ?> entries) {
            checkSize(field, name, entries.size());
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                if (entry.getKey() == null || entry.getValue() == null) {
                    throw new InvalidValueException(field, "must not hold null");
                }
                checkValue(field, name, entry.getKey());
                checkValue(field + "." + entry.getKey(), name, entry.getValue());
            }
        } else if (!(value instanceof Enum<?> || value instanceof Boolean || value instanceof LocalTime)) {
            throw new IllegalStateException("no rule for the field '" + name + "' of type "
                    + value.getClass().getSimpleName());
        }
    }

    private static void checkNumber(String field, String name, Object value) {
        BigDecimal number = value instanceof Integer whole ? BigDecimal.valueOf(whole) : (BigDecimal) value;
        if (OFFER_NUMBERS.contains(name)) {
            String problem = offerProblem(number);
            if (problem != null) {
                throw new InvalidValueException(field, problem);
            }
            return;
        }
        BigDecimal[] bounds = BOUNDS.get(name);
        if (bounds == null) {
            throw new IllegalStateException("no rule for the number field '" + name + "'");
        }
        if (number.compareTo(bounds[0]) < 0 || number.compareTo(bounds[1]) > 0) {
            throw new InvalidValueException(field, "must be from " + bounds[0] + " to " + bounds[1]);
        }
    }

    private static void checkSize(String field, String name, int size) {
        int most = CODED_LISTS.contains(name) ? CODED_ROWS : ITEMS;
        if (size > most) {
            throw new InvalidValueException(field, "has " + size + " entries; at most " + most + " are kept");
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of "
                    + record.getClass().getSimpleName(), e);
        }
    }

    private static Map.Entry<String, BigDecimal[]> bounds(String name, long lowest, long highest) {
        return Map.entry(name, new BigDecimal[]{BigDecimal.valueOf(lowest), BigDecimal.valueOf(highest)});
    }
}
