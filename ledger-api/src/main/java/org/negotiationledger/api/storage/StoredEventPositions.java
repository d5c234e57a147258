package org.negotiationledger.api.storage;

import org.negotiationledger.projections.support.EventPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The global positions of stored events, looked up by their unique identifiers, many per query ({@link AnyOf}). */
@Component
class StoredEventPositions implements EventPositions {

    private final JdbcTemplate jdbc;

    StoredEventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> of(Collection<String> eventIds) {
        Map<String, Long> positions = new HashMap<>();
        AnyOf.query(jdbc, "SELECT eventidentifier, globalindex FROM domainevententry WHERE eventidentifier = ANY (?)",
                "VARCHAR", eventIds, row -> {
                    positions.put(row.getString(1), row.getLong(2));
                });
        return positions;
    }
}
