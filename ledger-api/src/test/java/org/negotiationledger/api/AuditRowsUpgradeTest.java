package org.negotiationledger.api;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An audit view and an overview as the releases before kept them (a row per party an event
 * concerns in {@code audit_party}, the event's id, revision, who and which request copied into
 * {@code audit_event}, the overview's own row per event in {@code overview_event}) are upgraded
 * in place on PostgreSQL: on the next start the parties move into one column, the copies go, and
 * every page of the trail answers as before, its party filters too, and so do the overview's
 * counts, now taken from the audit view's rows. The statements' and outcomes' one source each
 * becomes a list of one (migration 18), meetings, exchanges and statuses gain theirs, empty
 * (migration 19), and the histories, outcomes, meetings and exchanges answer as before. The records
 * an import of event data made are marked in the index of events (migration 20), so that the
 * overview's counts without them answer as the release that wrote the marks itself.
 */
class AuditRowsUpgradeTest {

    private static final String N = Istanbul.N;
    private static final List<String> PAGES = List.of(N + "/audit?limit=1000", "/api/audit?limit=1000",
            N + "/audit?party=tr", N + "/audit?party=ua&type=StatementRecorded", N + "/audit?party=us",
            "/api/audit?party=ru&limit=5", N, N + "?asOf=2025-05-16", N + "?asOf=2025-06-01",
            "/api/negotiations", "/api/negotiations?asOf=2025-05-20", N + "/positions/ua/ceasefire/history",
            "/api/negotiations?machineCoded=exclude", "/api/negotiations/ru-ua-2018?machineCoded=exclude",
            "/api/negotiations/ru-ua-2018",
            N + "/positions", N + "/outcomes", N + "/meetings", N + "/exchanges");

    @Test
    void theTrailsRowsOfThePreviousReleaseAreMovedOverOnTheNextStart() {
        Map<String, Object> database = TestDatabase.freshSchema("ledger_audit_upgrade_it");
        Map<String, String> before = new LinkedHashMap<>();
        try (LedgerNode node = LedgerNode.start(database)) {
            Istanbul.recordOn(node);
            importEventData(node);
            for (String page : PAGES) {
                LedgerNode.Response answer = node.get(page);
                assertThat(answer.status()).as(page).isEqualTo(200);
                before.put(page, answer.body());
            }
        }
        JdbcTemplate db = TestDatabase.jdbc(database);
        long parties = leaveAsThePreviousReleaseDid(db);
        assertThat(parties).as("party rows of the previous release").isGreaterThan(20);

        try (LedgerNode node = LedgerNode.start(database)) {
            node.awaitViews();
            for (String page : PAGES) {
                assertThat(node.get(page).body()).as(page).isEqualTo(before.get(page));
            }
            assertThat(db.queryForObject("SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_name = 'audit_party'", Long.class)).isZero();
            assertThat(db.queryForList("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                    + "current_schema() AND table_name = 'audit_event'", String.class))
                    .contains("parties").doesNotContain("event_id", "revision", "recorded_by", "correlation_id");
            assertThat(db.queryForObject("SELECT SUM(array_length(string_to_array(trim(parties), ' '), 1)) "
                    + "FROM audit_event", Long.class)).isEqualTo(parties);
            assertThat(db.queryForObject("SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_name = 'overview_event'", Long.class)).isZero();
            assertThat(db.queryForObject("SELECT COUNT(*) FROM audit_event WHERE machine_coded", Long.class))
                    .as("the ICEWS sample's 14 statements, 2 meetings and an outcome").isEqualTo(17);
        }
    }

    /** The ICEWS sample in a negotiation of its own: records a machine coded, of every kind. */
    private static void importEventData(LedgerNode node) {
        assertThat(node.post("/api/negotiations", """
                {"id":"ru-ua-2018","title":"Event data","openedOn":"2018-01-01"}""").status()).isEqualTo(201);
        Map<String, byte[]> form = new LinkedHashMap<>();
        form.put("file", EventDataImportTest.sample("icews_events.2018.sample.tab"));
        form.put("mapping", EventDataImportTest.RU_UA_IL.getBytes(StandardCharsets.UTF_8));
        LedgerNode.Response imported = node.postForm("/api/negotiations/ru-ua-2018/event-data?dataset=icews", form);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        node.awaitViews();
    }

    /**
     * The audit and overview tables as migration 15 left them, filled from today's rows, and the
     * statements' and outcomes' one source as migration 17 left them; migrations 16 to 27 not yet run.
     */
    private static long leaveAsThePreviousReleaseDid(JdbcTemplate db) {
        db.execute("CREATE TABLE audit_party (party_id VARCHAR(128) NOT NULL, negotiation_id VARCHAR(128) NOT NULL, "
                + "global_position BIGINT NOT NULL, PRIMARY KEY (negotiation_id, party_id, global_position))");
        db.update("INSERT INTO audit_party (party_id, negotiation_id, global_position) "
                + "SELECT unnest(string_to_array(trim(parties), ' ')), negotiation_id, global_position "
                + "FROM audit_event "
                + "WHERE parties IS NOT NULL");
        db.execute("ALTER TABLE audit_event DROP COLUMN parties");
        db.execute("ALTER TABLE audit_event ADD COLUMN event_id VARCHAR(64)");
        db.execute("ALTER TABLE audit_event ADD COLUMN revision VARCHAR(16)");
        db.execute("ALTER TABLE audit_event ADD COLUMN recorded_by VARCHAR(300)");
        db.execute("ALTER TABLE audit_event ADD COLUMN correlation_id VARCHAR(300)");
        db.update("UPDATE audit_event SET event_id = 'copied', recorded_by = 'copied'");
        db.execute("CREATE TABLE overview_event (negotiation_id VARCHAR(128) NOT NULL, sequence_number BIGINT NOT NULL, "
                + "event_type VARCHAR(64) NOT NULL, effective_on DATE, recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "PRIMARY KEY (negotiation_id, sequence_number))");
        db.update("INSERT INTO overview_event SELECT negotiation_id, sequence_number, event_type, effective_on, "
                + "recorded_at FROM audit_event");
        for (String table : List.of("positions_version", "positions_outcome")) {
            db.update("UPDATE " + table + " SET sources_json = CASE WHEN sources_json = '[]' THEN NULL "
                    + "ELSE substring(sources_json from 2 for length(sources_json) - 2) END");
            db.execute("ALTER TABLE " + table + " RENAME COLUMN sources_json TO source_json");
        }
        db.execute("ALTER TABLE positions_version DROP COLUMN publishers"); // and with it the index of V29
        for (String table : List.of("meetings_meeting", "exchanges_exchange", "exchanges_stage",
                "positions_outcome_status")) {
            db.execute("ALTER TABLE " + table + " DROP COLUMN sources_json");
        }
        db.execute("ALTER TABLE exchanges_exchange DROP COLUMN agreement_sources_json");
        db.execute("ALTER TABLE audit_event DROP COLUMN machine_coded");
        db.execute("DROP TABLE meetings_corroboration");
        db.execute("DROP TABLE positions_agreement");
        for (String column : List.of("agreement_id", "agreement_signed_on", "agreement_known_from")) {
            db.execute("ALTER TABLE exchanges_exchange DROP COLUMN " + column);
        }
        db.execute("ALTER TABLE overview_negotiation DROP COLUMN closing_agreement_id");
        db.execute("DROP INDEX positions_version_dyad");
        db.execute("DROP TABLE positions_package");
        db.execute("DROP TABLE positions_body");
        db.execute("DROP TABLE positions_account");
        for (String column : List.of("overview_topic.added_on", "overview_delegate.since", "positions_topic.added_on",
                "positions_delegate.since", "meetings_meeting.ends_on", "meetings_meeting.starts_at",
                "meetings_meeting.ends_at", "meetings_meeting.format", "positions_version.counterpart_id",
                "positions_version.effective_at", "positions_version.links_json")) {
            String[] tableAndColumn = column.split("\\.");
            db.execute("ALTER TABLE " + tableAndColumn[0] + " DROP COLUMN " + tableAndColumn[1]);
        }
        db.execute("DROP TABLE spring_session_attributes");
        db.execute("DROP TABLE spring_session");
        db.update("DELETE FROM flyway_schema_history WHERE version IN ('16', '17', '18', '19', '20', '21', '22', "
                + "'23', '24', '25', '26', '27', '28', '29')");
        return db.queryForObject("SELECT COUNT(*) FROM audit_party", Long.class);
    }
}
