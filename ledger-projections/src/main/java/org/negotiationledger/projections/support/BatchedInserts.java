package org.negotiationledger.projections.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One INSERT that a view makes for many events: the rows of a processor's batch are written in
 * one JDBC batch when the batch commits, instead of one round trip each.
 */
public final class BatchedInserts {

    private final UnitOfWorkBuffer<Object[]> rows;

    public BatchedInserts(JdbcTemplate jdbc, String sql) {
        this.rows = new UnitOfWorkBuffer<>(batch -> jdbc.batchUpdate(sql, batch));
    }

    public void add(Object... row) {
        rows.add(row);
    }

    /** Writes the rows collected so far: before the view reads or changes them. */
    public void flush() {
        rows.flush();
    }
}
