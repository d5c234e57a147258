package org.negotiationledger.projections.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * One INSERT that a view makes for many events: the rows of a processor's batch are collected and
 * written in one JDBC batch when the batch commits, instead of one round trip each. Without a
 * unit of work (as in tests that call a projector directly) a row is written at once.
 */
public final class BatchedInserts {

    private final JdbcTemplate jdbc;
    private final String sql;
    private final String key = BatchedInserts.class.getName() + "@" + Integer.toHexString(System.identityHashCode(this));

    public BatchedInserts(JdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    public void add(Object... row) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, row);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(key, k -> {
            List<Object[]> rows = new ArrayList<>();
            batch.onPrepareCommit(committing -> write(rows));
            return rows;
        }).add(row);
    }

    /** Writes the rows collected so far: before the view reads or changes them. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            List<Object[]> rows = CurrentUnitOfWork.get().root().getResource(key);
            if (rows != null) {
                write(rows);
            }
        }
    }

    private void write(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
            rows.clear();
        }
    }
}
