package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.negotiationledger.core.serialization.LedgerSerialization;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written by the first release (every event at revision 1, and two snapshots of the
 * aggregate's old state) upgraded in place: a database with that release's schema (migrations to
 * V10) holds its rows, and its views' tokens at the head as that release left them; then the
 * ledger of today starts on it. It migrates the schema, rebuilds the views into the answers that
 * release showed, its hash chains still verify, and every command that release was given, sent
 * again, is recognised as a repeat. The rows are under {@code release-1/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReleaseOneStoreTest {

    private static final StoredRows RELEASE_ONE = new StoredRows("release-1");

    private LedgerNode node;

    abstract Map<String, Object> database() throws IOException;

    @BeforeAll
    void upgradeTheOldStore() throws IOException, SQLException {
        Map<String, Object> database = database();
        String url = (String) database.getOrDefault("spring.datasource.url",
                "jdbc:h2:file:" + database.get("ledger.data-dir") + "/ledger");
        String user = (String) database.getOrDefault("spring.datasource.username", "sa");
        String password = (String) database.getOrDefault("spring.datasource.password", "");
        FluentConfiguration releaseOne = Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration/common").target("10");
        if (database.containsKey("spring.flyway.schemas")) {
            releaseOne.schemas((String) database.get("spring.flyway.schemas"));
        }
        releaseOne.load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            RELEASE_ONE.load(connection, "events.jsonl", "domainevententry");
            RELEASE_ONE.load(connection, "snapshots.jsonl", "snapshotevententry");
            leaveTheViewsAsReleaseOneDid(connection);
        }
        node = LedgerNode.start(database);
        node.awaitViews();
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theViewsAnswerAsTheyDidThen() {
        for (JsonNode line : RELEASE_ONE.lines("views.jsonl")) {
            String path = line.get("get").asText();
            LedgerNode.Response response = node.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertContains(line.get("answer"), response.json(), path);
        }
    }

    @Test
    void theHashChainsStillVerify() {
        for (String negotiation : List.of("ru-ua-2025", "wage-2024")) {
            JsonNode verification = node.get("/api/negotiations/" + negotiation + "/verify").json();
            assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        }
        assertThat(node.get("/api/negotiations/wage-2024/verify").json().get("events").asInt()).isEqualTo(20);
    }

    @Test
    void everyCommandOfThatReleaseSentAgainIsARepeat() {
        long before = node.eventCount();
        JsonNode report = node.importLines("?report=refused", RELEASE_ONE.text("commands.jsonl")).json();

        assertThat(report.get("summary").get("repeated").asInt()).as(report.toString()).isEqualTo(56);
        assertThat(report.get("summary").get("accepted").asInt()).isZero();
        assertThat(node.eventCount()).isEqualTo(before);
    }

    /**
     * The views of release 1 had seen every event: their tokens stand at the head, and their tables
     * hold that release's rows. Only a rebuild brings them into the second edition's shape.
     */
    private static void leaveTheViewsAsReleaseOneDid(Connection connection) throws SQLException {
        SerializedObject<byte[]> head = LedgerSerialization.serializer().serialize(
                GapAwareTrackingToken.newInstance(RELEASE_ONE.lines("events.jsonl").size(), new TreeSet<>()),
                byte[].class);
        try (PreparedStatement token = connection.prepareStatement("INSERT INTO tokenentry (processorname, segment, "
                + "token, tokentype, timestamp) VALUES (?, 0, ?, ?, ?)")) {
            for (String view : List.of("positions", "meetings", "exchanges", "overview")) {
                token.setString(1, view);
                token.setBytes(2, head.getData());
                token.setString(3, head.getType().getName());
                token.setString(4, Instant.now().toString());
                token.executeUpdate();
            }
        }
        try (PreparedStatement stale = connection.prepareStatement("INSERT INTO positions_negotiation "
                + "(negotiation_id, title) VALUES ('ru-ua-2025', 'as release 1 kept it')")) {
            stale.executeUpdate();
        }
    }

    /** Every field the old answer had is in the new one, with the same value; new fields may be added. */
    private static void assertContains(JsonNode expected, JsonNode actual, String where) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(where).isTrue();
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertThat(actual.has(name)).as(where + "." + name).isTrue();
                assertContains(expected.get(name), actual.get(name), where + "." + name);
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(where + " " + actual).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(expected.get(i), actual.get(i), where + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }
}
