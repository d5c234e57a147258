package org.negotiationledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.negotiationledger.client.model.EventDataReport;
import org.negotiationledger.client.model.OpenNegotiationRequest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Rows per second of GDELT 2.0 event data: 1,000,000 rows (100,000 with --quick), their CAMEO codes
 * drawn as often as in the public GDELT 1.0 sample, a fifth of them between two of the four
 * parties of the mapping, imported into a fresh ledger until every view has caught up. The
 * baseline is the same records as plain JSON Lines (read back from the first ledger's export)
 * imported into another fresh ledger: the ratio says what reading, mapping and merging the rows
 * adds to recording what they make.
 */
final class EventDataScenario {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEGOTIATION = "events";
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 5, 1);
    private static final int DAYS = 60;
    private static final String[] PARTIES = {"USA", "RUS", "UKR", "TUR"};
    private static final String[] OTHERS = {"CHN", "DEU", "FRA", "GBR", "ISR", "IRN", "IND", "JPN", "POL", "BRA",
        "EGY", "SYR", "PAK", "NGA", "CAN", "ITA"};
    private static final String MAPPING = """
            {"parties": [
              {"party": "us", "name": "United States", "match": [{"actor": "USA"}]},
              {"party": "ru", "name": "Russia", "match": [{"actor": "RUS"}]},
              {"party": "ua", "name": "Ukraine", "match": [{"actor": "UKR"}]},
              {"party": "tr", "name": "Turkey", "match": [{"actor": "TUR"}]}
            ]}""";

    /** An event type of the export: the path of the command that records it again, and its id field. */
    private static final Map<String, String[]> COMMANDS = Map.of(
            "NegotiationOpened", new String[]{"", "negotiationId"},
            "PartyRegistered", new String[]{"/parties", "partyId"},
            "TopicAdded", new String[]{"/topics", "topicId"},
            "StatementRecorded", new String[]{"/statements", "statementId"},
            "OutcomeRecorded", new String[]{"/outcomes", "outcomeId"},
            "MeetingHeld", new String[]{"/meetings", "meetingId"});

    private EventDataScenario() {
    }

    static void run(Options options, Database database, Report report) throws Exception {
        int rows = options.quick() ? 100_000 : 1_000_000;
        Path file = generate(rows);
        Path mapping = Files.writeString(Files.createTempFile("ledger-bench-mapping-", ".json"), MAPPING);
        Path lines = Files.createTempFile("ledger-bench-records-", ".jsonl");
        try {
            double eventData;
            long records;
            database.freshSchema();
            try (Ledger ledger = Ledger.start(options, database)) {
                LedgerApi client = ledger.client();
                client.commands.openNegotiation(new OpenNegotiationRequest().id(NEGOTIATION).title("Event data")
                        .openedOn(FIRST_DAY), null, null);
                long start = System.nanoTime();
                EventDataReport answer = client.eventData.importEvents(NEGOTIATION, "gdelt2", file.toFile(), false,
                        false, mapping.toFile());
                Views.awaitCaughtUp(client, Duration.ofMinutes(30));
                eventData = rows / ((System.nanoTime() - start) / 1e9);
                if (!answer.getRefused().isEmpty()) {
                    throw new IllegalStateException("the import of event data refused records: " + answer);
                }
                records = answer.getRecords();
                Path export = client.backup.export().toPath();
                try {
                    writeRecordsAsLines(export, lines);
                } finally {
                    Files.deleteIfExists(export);
                }
            }
            double plain;
            database.freshSchema();
            try (Ledger ledger = Ledger.start(options, database)) {
                LedgerApi client = ledger.client();
                String recordLines = Files.readString(lines);
                long start = System.nanoTime();
                String summary = client.importLines(recordLines);
                Views.awaitCaughtUp(client, Duration.ofMinutes(30));
                plain = rows / ((System.nanoTime() - start) / 1e9);
                if (!summary.contains("\"refused\":0")) {
                    throw new IllegalStateException("the import of the records refused lines: " + summary);
                }
            }
            report.figure("event_data.rows", eventData, "rows/s");
            report.figure("event_data.records", records, "records");
            report.figure("event_data.baseline.rows", plain, "rows/s");
            report.ratio("event_data.speed", eventData / plain);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(mapping);
            Files.deleteIfExists(lines);
        }
    }

    /** GDELT 2.0 rows: 61 tab-separated columns, the same file every run. */
    static Path generate(int rows) throws IOException {
        List<String> codes = codes();
        Random random = new Random(42);
        Path file = Files.createTempFile("ledger-bench-gdelt2-", ".CSV");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                boolean between = random.nextInt(5) == 0;
                String actor = between ? PARTIES[random.nextInt(PARTIES.length)]
                        : OTHERS[random.nextInt(OTHERS.length)];
                String target = PARTIES[random.nextInt(PARTIES.length)];
                String code = codes.get(random.nextInt(codes.size()));
                LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
                String[] columns = new String[61];
                Arrays.fill(columns, "");
                columns[0] = Long.toString(1_200_000_000L + i);
                columns[1] = day.toString().replace("-", "");
                columns[5] = actor;
                columns[6] = actor + " NAME";
                columns[7] = actor;
                columns[15] = target;
                columns[16] = target + " NAME";
                columns[17] = target;
                columns[25] = "1";
                columns[26] = code;
                columns[27] = code.substring(0, Math.min(3, code.length()));
                columns[28] = code.substring(0, 2);
                columns[29] = Integer.toString(1 + random.nextInt(4));
                columns[30] = Integer.toString(random.nextInt(21) - 10) + ".0";
                columns[31] = Integer.toString(1 + random.nextInt(10));
                columns[32] = Integer.toString(1 + random.nextInt(3));
                columns[33] = columns[31];
                columns[34] = String.format(Locale.ROOT, "%.4f", random.nextGaussian() * 3);
                columns[53] = "Istanbul, Istanbul, Turkey";
                columns[59] = day.toString().replace("-", "") + "120000";
                columns[60] = "https://news.example/" + i;
                out.write(String.join("\t", columns));
                out.write('\n');
            }
        }
        return file;
    }

    /** The sample's codes, each as often as the sample has it. */
    private static List<String> codes() {
        List<String> codes = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                EventDataScenario.class.getResourceAsStream("gdelt-sample-codes.tsv"), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("#")) {
                    String[] fields = line.split("\t");
                    for (int n = Integer.parseInt(fields[1]); n > 0; n--) {
                        codes.add(fields[0]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }

    /** The negotiation, its parties and topics and its records, as the commands that record them again. */
    private static void writeRecordsAsLines(Path export, Path lines) throws IOException {
        String path = "/api/negotiations/" + NEGOTIATION;
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
            for (String exported = in.readLine(); exported != null; exported = in.readLine()) {
                if (exported.isBlank()) {
                    continue;
                }
                JsonNode event = JSON.readTree(exported);
                if (!event.has("type")) {
                    continue; // the export's trailer
                }
                String type = event.get("type").asText();
                String[] command = COMMANDS.get(type.substring(type.lastIndexOf('.') + 1));
                if (command == null) {
                    continue;
                }
                ObjectNode body = ((ObjectNode) event.get("payload")).deepCopy();
                JsonNode negotiation = body.remove("negotiationId");
                body.set("id", command[1].equals("negotiationId") ? negotiation : body.remove(command[1]));
                ObjectNode line = JSON.createObjectNode();
                line.put("path", command[0].isEmpty() ? "/api/negotiations" : path + command[0]);
                line.set("body", body);
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        }
    }
}
