package org.negotiationledger.api.storage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;

/**
 * Runs a query whose one parameter is an array ({@code … = ANY (?)}) over many values, 500 at a
 * time. PostgreSQL plans such a statement once, where a list of hundreds of parameters made a new
 * plan each time it was long and took tens of milliseconds.
 */
final class AnyOf {

    private static final int PER_QUERY = 500;

    private AnyOf() {
    }

    /** Hands each row of {@code sql} to {@code rows}, for every chunk of {@code values} (of SQL type {@code type}). */
    static void query(JdbcTemplate jdbc, String sql, String type, Collection<?> values, RowCallbackHandler rows) {
        List<?> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += PER_QUERY) {
            Object[] chunk = all.subList(from, Math.min(all.size(), from + PER_QUERY)).toArray();
            jdbc.query(connection -> {
                PreparedStatement query = connection.prepareStatement(sql);
                query.setArray(1, connection.createArrayOf(type, chunk));
                return query;
            }, rows);
        }
    }
}
