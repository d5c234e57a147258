package org.negotiationledger.projections.positions;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.negotiationledger.projections.support.Rows.utc;

/** The titles of a negotiation's delegates over time, as known at one recording time. */
final class Titles {

    private final Map<String, NavigableMap<LocalDate, String>> byDelegate = new HashMap<>();

    private Titles() {
    }

    static Titles of(JdbcTemplate jdbc, String negotiationId, Instant knownAt) {
        Titles titles = new Titles();
        jdbc.query("SELECT delegate_id, since, title FROM positions_title WHERE negotiation_id = ? "
                + "AND known_from <= ?", row -> {
            titles.byDelegate.computeIfAbsent(row.getString("delegate_id"), id -> new TreeMap<>())
                    .put(row.getObject("since", LocalDate.class), row.getString("title"));
        }, negotiationId, utc(knownAt));
        return titles;
    }

    /** The delegate's title on {@code day}; null for no delegate, or a delegate without a title then. */
    String of(String delegateId, LocalDate day) {
        NavigableMap<LocalDate, String> titles = delegateId == null ? null : byDelegate.get(delegateId);
        Map.Entry<LocalDate, String> held = titles == null ? null : titles.floorEntry(day);
        return held == null ? null : held.getValue();
    }
}
