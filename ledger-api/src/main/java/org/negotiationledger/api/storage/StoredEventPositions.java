package org.negotiationledger.api.storage;

import org.negotiationledger.projections.support.EventPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The global positions of stored events, looked up by their unique identifiers, many per query. */
@Component
class StoredEventPositions implements EventPositions {

    private static final int PER_QUERY = 500;

    private final JdbcTemplate jdbc;

    StoredEventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> of(Collection<String> eventIds) {
        List<String> ids = List.copyOf(eventIds);
        Map<String, Long> positions = new HashMap<>();
        for (int from = 0; from < ids.size(); from += PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + PER_QUERY));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT eventidentifier, globalindex FROM domainevententry WHERE eventidentifier IN (" + marks
                    + ")", row -> {
                positions.put(row.getString(1), row.getLong(2));
            }, chunk.toArray());
        }
        return positions;
    }
}
