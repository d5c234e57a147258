package org.negotiationledger.projections.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Values that change from a day on, such as a delegate's title or a party's role, as known at one
 * recording time: per id, each value from the day it began.
 */
public final class DatedValues {

    private final Map<String, NavigableMap<LocalDate, String>> byId = new HashMap<>();

    private DatedValues() {
    }

    /**
     * Reads {@code table}'s rows of a negotiation recorded by {@code knownAt}: each has the id in
     * {@code idColumn}, a day in {@code since} and the value in {@code valueColumn}.
     */
    public static DatedValues read(JdbcTemplate jdbc, String table, String idColumn, String valueColumn,
                                   String negotiationId, Instant knownAt) {
        DatedValues values = new DatedValues();
        jdbc.query("SELECT " + idColumn + ", since, " + valueColumn + " FROM " + table + " WHERE negotiation_id = ? "
                + "AND known_from <= ?", row -> {
            values.byId.computeIfAbsent(row.getString(1), id -> new TreeMap<>())
                    .put(row.getObject(2, LocalDate.class), row.getString(3));
        }, negotiationId, utc(knownAt));
        return values;
    }

    /** The value held on {@code day}; null for no id, or none held then. */
    public String on(String id, LocalDate day) {
        NavigableMap<LocalDate, String> values = id == null ? null : byId.get(id);
        Map.Entry<LocalDate, String> held = values == null ? null : values.floorEntry(day);
        return held == null ? null : held.getValue();
    }
}
