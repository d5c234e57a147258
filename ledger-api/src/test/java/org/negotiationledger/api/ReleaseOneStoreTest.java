package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written by the first release (every event at revision 1, and two snapshots of the
 * aggregate's old state), loaded row by row into a fresh database: the ledger of today reads it
 * into the views that release showed, its hash chains still verify, and every command it was
 * given, sent again, is recognised as a repeat. The rows are under {@code release-1/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReleaseOneStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = "INSERT INTO %s (aggregateidentifier, sequencenumber, type, "
            + "eventidentifier, payloadtype, payloadrevision, timestamp, metadata, payload) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private LedgerNode node;

    abstract Map<String, Object> database() throws IOException;

    @BeforeAll
    void loadTheOldStore() throws IOException {
        node = LedgerNode.start(database());
        load("events.jsonl", "domainevententry");
        load("snapshots.jsonl", "snapshotevententry");
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
        for (JsonNode line : lines("views.jsonl")) {
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
        JsonNode report = node.importLines("?report=refused", text("commands.jsonl")).json();

        assertThat(report.get("summary").get("repeated").asInt()).as(report.toString()).isEqualTo(56);
        assertThat(report.get("summary").get("accepted").asInt()).isZero();
        assertThat(node.eventCount()).isEqualTo(before);
    }

    private void load(String file, String table) {
        for (JsonNode row : lines(file)) {
            node.jdbc().update(INSERT.formatted(table), row.get("aggregateIdentifier").asText(),
                    row.get("sequenceNumber").asLong(), row.get("type").asText(), row.get("eventIdentifier").asText(),
                    row.get("payloadType").asText(), row.get("payloadRevision").textValue(),
                    row.get("timestamp").asText(), bytes(row.get("metadata")), bytes(row.get("payload")));
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

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> lines(String file) {
        return text(file).lines().filter(line -> !line.isBlank()).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static String text(String file) {
        try (InputStream in = ReleaseOneStoreTest.class.getResourceAsStream("/release-1/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
