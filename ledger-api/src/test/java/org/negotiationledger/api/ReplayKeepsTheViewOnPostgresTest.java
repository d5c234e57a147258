package org.negotiationledger.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayKeepsTheViewOnPostgresTest extends ReplayKeepsTheViewTest {

    @Override
    Map<String, Object> database() {
        return TestDatabase.freshSchema("ledger_replay_keeps_it");
    }

    /**
     * The rebuilt tables keep every index as it was defined (its columns, directions and nulls'
     * place), and come with PostgreSQL's statistics, so that the first answers after the replay
     * are planned with them: without, the matrix at ten million events took the wrong index.
     */
    @Test
    void aReplayKeepsTheIndexesAsTheyWereDefinedAndAnalysesTheTables() throws Exception {
        List<String> before = indexes();
        assertThat(before).anyMatch(index -> index.contains("effective_at DESC NULLS LAST"));
        assertThat(node.post("/api/admin/projections/positions/replay", "").status()).isEqualTo(202);
        awaitReplayEnd("positions");
        assertThat(indexes()).isEqualTo(before);
        assertThat(node.jdbc().queryForList("SELECT relname FROM pg_stat_user_tables WHERE schemaname = "
                + "current_schema() AND relname LIKE 'positions\\_%' AND last_analyze IS NULL", String.class))
                .as("rebuilt tables never analysed").isEmpty();
    }

    /** The positions view's version indexes, without their names. */
    private List<String> indexes() {
        return node.jdbc().queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                + "AND tablename = 'positions_version' ORDER BY indexdef", String.class).stream()
                .map(definition -> definition.substring(definition.indexOf(" USING "))).sorted().toList();
    }
}
