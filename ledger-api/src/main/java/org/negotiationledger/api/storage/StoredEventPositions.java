package org.negotiationledger.api.storage;

import org.negotiationledger.projections.support.EventPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
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

    /**
     * One statement with the identifiers as one array parameter: PostgreSQL plans it once, where a
     * list of hundreds of parameters made a new plan each time it was long and took tens of
     * milliseconds.
     */
    @Override
    public Map<String, Long> of(Collection<String> eventIds) {
        List<String> ids = List.copyOf(eventIds);
        Map<String, Long> positions = new HashMap<>();
        for (int from = 0; from < ids.size(); from += PER_QUERY) {
            Object[] chunk = ids.subList(from, Math.min(ids.size(), from + PER_QUERY)).toArray();
            jdbc.query(connection -> {
                PreparedStatement query = connection.prepareStatement(
                        "SELECT eventidentifier, globalindex FROM domainevententry WHERE eventidentifier = ANY (?)");
                query.setArray(1, connection.createArrayOf("VARCHAR", chunk));
                return query;
            }, (ResultSet row) -> {
                positions.put(row.getString(1), row.getLong(2));
            });
        }
        return positions;
    }
}
