package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.commands.CommandMetadata;
import org.negotiationledger.api.commands.CommandSender;
import org.negotiationledger.core.api.AddTopic;
import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.RegisterParty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every way into the ledger holds the same rules on what a record may hold, on PostgreSQL: a
 * command sent by code that checks nothing itself, a mapping's party and topic, a row of event
 * data, a restore line. Each hostile value is refused with a problem naming the field, nothing is
 * stored, and every view is at the head with no event set aside. Uploads are bounded before they
 * are read. (The HTTP commands and import lines, with their own table of hostile values, are
 * {@link HostileRequestsTest}'s.) A new door is covered by adding its row here.
 */
@Tag("reliability")
class EveryDoorTest {

    /** Writes every character past ASCII as an escape, so that a lone surrogate reaches the ledger as one. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String N = "doors";
    private static final String MAPPING = """
            {"parties": [
              {"party": "us", "name": %s, "match": [{"country": "USA"}]},
              {"party": "ru", "name": "Russia", "match": [{"country": "RUS"}]}
            ], "topics": [{"id": "relations", "title": %s}]}""";
    /** Values no record may hold, each with what the refusal says of it. */
    private static final Map<String, String> HOSTILE = Map.of(
            "a\u0000b", "contains the control character U+0000",
            "bell\u0007", "contains the control character U+0007",
            "lone \ud800 half", "contains a lone surrogate U+D800",
            "x".repeat(301), "is longer than 300 characters");

    private static LedgerNode node;
    private static LedgerNode recorder;
    private static String gdeltRow;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_doors_it"));
        recorder = node.as(LedgerNode.RECORDER);
        assertThat(recorder.post("/api/negotiations", """
                {"id":"%s","title":"Every door","openedOn":"2016-01-01"}""".formatted(N)).status()).isEqualTo(201);
        gdeltRow = new String(sample("gdelt1_20160728_sample_events.tsv"), StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("564157307\t")).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static byte[] sample(String name) {
        try (InputStream in = EveryDoorTest.class.getResourceAsStream("/eventdata/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LedgerNode.Response importEvents(String query, byte[] file, String mapping) {
        List<Map.Entry<String, byte[]>> parts = new ArrayList<>();
        parts.add(Map.entry("file", file));
        if (mapping != null) {
            parts.add(Map.entry("mapping", mapping.getBytes(StandardCharsets.UTF_8)));
        }
        return recorder.postParts("/api/negotiations/" + N + "/event-data?dataset=gdelt1" + query, parts);
    }

    /** Nothing was stored, and every view is at the head with nothing set aside. */
    private static void nothingStoredAndEveryViewWhole(long eventsBefore) {
        assertThat(node.eventCount()).isEqualTo(eventsBefore);
        node.awaitViews();
        for (JsonNode view : node.get("/api/admin/projections").json().get("projections")) {
            assertThat(view.get("state").asText()).as(view.get("name").asText()).isEqualTo("UP");
            assertThat(view.get("deadLetters").asLong()).isZero();
        }
    }

    @Test
    void aCommandFromCodeThatChecksNothingIsRefusedByTheCore() {
        CommandSender sender = node.context().getBean(CommandSender.class);
        CommandMetadata metadata = new CommandMetadata("admin", "doors-test", null);
        long before = node.eventCount();
        HOSTILE.forEach((value, reason) -> {
            assertThatThrownBy(() -> sender.send(new RegisterParty(N, "p-1", value, PartyRole.PARTY,
                    Instant.now()), metadata)).isInstanceOfSatisfying(InvalidValueException.class,
                    refused -> assertThat(refused.getMessage()).startsWith("name " + reason));
            assertThatThrownBy(() -> sender.send(new AddTopic(N, "t-1", value, null, Instant.now()), metadata))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            refused -> assertThat(refused.field()).isEqualTo("title"));
        });
        assertThatThrownBy(() -> sender.send(new AddTopic(N, "t-1", null, null, Instant.now()), metadata))
                .hasMessage("title is required");
        nothingStoredAndEveryViewWhole(before);
    }

    @Test
    void aMappingsPartyNameAndTopicTitleAreRefusedWithTheirLine() {
        long before = node.eventCount();
        HOSTILE.forEach((value, reason) -> {
            LedgerNode.Response party = importEvents("", gdeltRow.getBytes(StandardCharsets.UTF_8),
                    MAPPING.formatted(quoted(value), quoted("Relations")));
            assertThat(party.status()).as(party.body()).isEqualTo(400);
            assertThat(party.json().get("type").asText()).isEqualTo("/problems/invalid-mapping");
            assertThat(party.json().get("detail").asText())
                    .startsWith("the mapping has an error at line 2: the name of party 'us' " + reason);

            LedgerNode.Response topic = importEvents("", gdeltRow.getBytes(StandardCharsets.UTF_8),
                    MAPPING.formatted(quoted("United States"), quoted(value)));
            assertThat(topic.status()).as(topic.body()).isEqualTo(400);
            assertThat(topic.json().get("detail").asText()).contains("the title of topic 'relations' " + reason);
        });
        String huge = MAPPING.formatted(quoted("United States"), quoted("t".repeat(100_000)));
        assertThat(importEvents("", gdeltRow.getBytes(StandardCharsets.UTF_8), huge).status()).isEqualTo(400);
        nothingStoredAndEveryViewWhole(before);
    }

    @Test
    void aRowWhoseTextNoRecordMayHoldIsRefusedAloneNamingTheField() {
        String[] columns = gdeltRow.split("\t", -1);
        columns[6] = "UNITED\u0001STATES";  // Actor1Name
        String spoilt = String.join("\t", columns);
        long before = node.eventCount();
        LedgerNode.Response answer = importEvents("", spoilt.getBytes(StandardCharsets.UTF_8),
                MAPPING.formatted(quoted("United States"), quoted("Relations")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode refused = answer.json().get("refused");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).get("problem").toString()).contains("actors[0].name")
                .contains("control character U+0001");
        assertThat(answer.json().get("recorded").asInt()).isZero();
        // The parties and topic the record needed are registered before it; the record itself is not.
        assertThat(node.jdbc().queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%StatementRecorded'", Long.class, N)).isZero();
        assertThat(node.eventCount()).isGreaterThanOrEqualTo(before);
        nothingStoredAndEveryViewWhole(node.eventCount());
    }

    @Test
    void aRestoreLineWithAValueNoRecordMayHoldIsRefusedAndNothingIsRestored() {
        try (LedgerNode source = LedgerNode.start(TestDatabase.freshSchema("ledger_doors_source_it"));
             LedgerNode target = LedgerNode.start(TestDatabase.freshSchema("ledger_doors_target_it"))) {
            assertThat(source.post("/api/negotiations", """
                    {"id":"moved","title":"Moved","openedOn":"2025-05-16"}""").status()).isEqualTo(201);
            assertThat(source.post("/api/negotiations/moved/parties", """
                    {"id":"ua","name":"Ukraine","role":"PARTY"}""").status()).isEqualTo(201);
            String export = source.get("/api/export").body();
            for (String value : HOSTILE.keySet()) {
                String spoilt = export.replace("\"name\":\"Ukraine\"", "\"name\":" + quoted(value));
                LedgerNode.Response answer = target.post("/api/restore", HttpRequest.BodyPublishers.ofString(spoilt),
                        "Content-Type", "application/x-ndjson");
                assertThat(answer.status()).as(answer.body()).isEqualTo(400);
                assertThat(answer.json().get("detail").asText()).startsWith("line 2 of the export holds a value no "
                        + "record of the ledger may hold: name ");
                assertThat(answer.json().get("field").asText()).isEqualTo("name");
                assertThat(target.eventCount()).isZero();
            }
        }
    }

    @Test
    void aZipOfOneHugeLineIsRefusedAtOnceAndTheNodeGoesOn() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("events.csv"));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 128; i++) {
                zip.write(block);  // 128 MiB of one line, a few hundred kB zipped
            }
        }
        long before = node.eventCount();
        LedgerNode.Response answer = importEvents("&dryRun=true", zipped.toByteArray(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.json().get("detail").asText()).startsWith("line 1 of the file is longer than the limit of "
                + "65536 bytes; nothing was imported");
        assertThat(node.get("/actuator/health").status()).isEqualTo(200);
        nothingStoredAndEveryViewWhole(before);
    }

    @Test
    void aFileLargerUncompressedThanItsLimitIsRefused() throws IOException {
        try (LedgerNode small = LedgerNode.start(Map.of("ledger.event-data.max-uncompressed-size", "64KB",
                "ledger.event-data.max-mapping-size", "2KB", "ledger.event-data.max-archive-entries", "2",
                "ledger.data-dir", Files.createTempDirectory("ledger-doors").toString()))) {
            assertThat(small.post("/api/negotiations", """
                    {"id":"%s","title":"Small","openedOn":"2016-01-01"}""".formatted(N)).status()).isEqualTo(201);
            ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
                for (int i = 0; i < 200; i++) {
                    gzip.write((gdeltRow + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            LedgerNode.Response answer = small.postForm("/api/negotiations/" + N + "/event-data?dataset=gdelt1",
                    Map.of("file", gzipped.toByteArray()));
            assertThat(answer.status()).as(answer.body()).isEqualTo(413);
            assertThat(answer.json().get("detail").asText()).contains("ledger.event-data.max-uncompressed-size");

            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
                for (int i = 0; i < 3; i++) {
                    zip.putNextEntry(new ZipEntry("part-" + i + ".csv"));
                    zip.write((gdeltRow + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            answer = small.postForm("/api/negotiations/" + N + "/event-data?dataset=gdelt1",
                    Map.of("file", zipped.toByteArray()));
            assertThat(answer.status()).as(answer.body()).isEqualTo(413);
            assertThat(answer.json().get("detail").asText()).contains("more than 2 files");

            String longMapping = MAPPING.formatted(quoted("United States"), quoted("r".repeat(3_000)));
            answer = small.postForm("/api/negotiations/" + N + "/event-data?dataset=gdelt1",
                    Map.of("file", gdeltRow.getBytes(StandardCharsets.UTF_8),
                            "mapping", longMapping.getBytes(StandardCharsets.UTF_8)));
            assertThat(answer.status()).as(answer.body()).isEqualTo(413);
            assertThat(answer.json().get("detail").asText()).contains("ledger.event-data.max-mapping-size");
            assertThat(small.eventCount()).isEqualTo(1);
        }
    }

    @Test
    void aSecondFilePartTrailingMappingTextAndAFileOfAnotherDatasetAreRefused() {
        byte[] row = gdeltRow.getBytes(StandardCharsets.UTF_8);
        String mapping = MAPPING.formatted(quoted("United States"), quoted("Relations"));
        long before = node.eventCount();

        LedgerNode.Response twoFiles = recorder.postParts("/api/negotiations/" + N + "/event-data?dataset=gdelt1",
                List.of(Map.entry("file", row), Map.entry("file", row)));
        assertThat(twoFiles.status()).as(twoFiles.body()).isEqualTo(400);
        assertThat(twoFiles.json().get("detail").asText()).isEqualTo("the form has 2 parts 'file'; one import takes "
                + "one");

        LedgerNode.Response trailing = importEvents("", row, mapping + " {\"parties\": []}");
        assertThat(trailing.status()).as(trailing.body()).isEqualTo(400);
        assertThat(trailing.json().get("detail").asText()).contains("there is more after the mapping's object");

        LedgerNode.Response otherDataset = recorder.postForm("/api/negotiations/" + N + "/event-data?dataset=gdelt2",
                Map.of("file", row));
        assertThat(otherDataset.status()).as(otherDataset.body()).isEqualTo(400);
        assertThat(otherDataset.json().get("detail").asText()).startsWith("no row of the file has the columns of the "
                + "dataset named (row 1 has 58 columns; GDELT 2.0 rows have 61)");

        LedgerNode.Response twice = recorder.postForm("/api/negotiations/" + N
                + "/event-data?dataset=gdelt1&dataset=icews", Map.of("file", row));
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.json().get("parameter").asText()).isEqualTo("dataset");
        nothingStoredAndEveryViewWhole(before);
    }

    @Test
    void aStreamCursorPastTheHeadIsRefusedNamingTheHead() {
        long head = node.jdbc().queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        LedgerNode.Response answer = node.get("/api/events?after=" + (head + 5));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asText()).isEqualTo("after");
        assertThat(answer.json().get("head").asLong()).isEqualTo(head);
        assertThat(node.get("/api/events?after=0", "Last-Event-ID", String.valueOf(head + 1)).status())
                .isEqualTo(400);
    }
}
