package org.negotiationledger.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Lines per second and peak resident memory of a ledger importing 1,000,000 JSON Lines, against
 * the same ledger's peak memory importing 100,000 (10,000 and 1,000 with --quick): streaming
 * means memory does not grow with the file. Each size gets a ledger of its own, started fresh,
 * and the time runs until every view has caught up. The speed's baseline is the same events
 * written by a program that only stores them: multi-row INSERTs of 500 rows a transaction into
 * a table shaped like the event store, with its indexes.
 */
final class ImportScenario {

    private static final int NEGOTIATIONS = 100;
    private static final int BASELINE_BATCH = 500;

    private ImportScenario() {
    }

    static void run(Options options, Database database, Report report) throws Exception {
        int small = options.quick() ? 1_000 : 100_000;
        int large = options.quick() ? 10_000 : 1_000_000;
        Measured smaller = measure(options, database, report, small);
        Measured larger = measure(options, database, report, large);
        double baseline = baseline(database, large);
        report.figure("import.baseline.rows", baseline, "rows/s");
        report.ratio("import", (double) larger.peakRssKib() / smaller.peakRssKib());
        report.ratio("import.speed", larger.linesPerSecond() / baseline);
    }

    private record Measured(double linesPerSecond, long peakRssKib) {
    }

    /** Rows per second of the same number of events by batched multi-row INSERT. */
    private static double baseline(Database database, int lines) throws Exception {
        try (Connection connection = database.connect("reWriteBatchedInserts=true");
             Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_import_baseline");
            sql.execute("CREATE TABLE bench_import_baseline (globalindex BIGSERIAL PRIMARY KEY, "
                    + "aggregateidentifier VARCHAR(255) NOT NULL, sequencenumber BIGINT NOT NULL, "
                    + "type VARCHAR(255), eventidentifier VARCHAR(255) NOT NULL UNIQUE, metadata BYTEA, "
                    + "payload BYTEA NOT NULL, payloadrevision VARCHAR(255), payloadtype VARCHAR(255) NOT NULL, "
                    + "timestamp VARCHAR(255) NOT NULL, UNIQUE (aggregateidentifier, sequencenumber))");
            connection.setAutoCommit(false);
            byte[] metadata = "{\"recordedBy\":\"admin\",\"correlationId\":\"bench\"}"
                    .getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_import_baseline ("
                    + "aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, "
                    + "payloadrevision, payloadtype, timestamp) VALUES (?, ?, 'Negotiation', ?, ?, ?, '2', "
                    + "'org.negotiationledger.core.api.StatementRecorded', ?)")) {
                for (int i = 0; i < lines; i++) {
                    insert.setString(1, "i-" + (i % NEGOTIATIONS));
                    insert.setLong(2, i / NEGOTIATIONS);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setBytes(4, metadata);
                    insert.setBytes(5, LedgerApi.json(LedgerApi.statement("s-" + i, i))
                            .getBytes(StandardCharsets.UTF_8));
                    insert.setString(6, Instant.now().toString());
                    insert.addBatch();
                    if ((i + 1) % BASELINE_BATCH == 0 || i == lines - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            double rowsPerSecond = lines / ((System.nanoTime() - start) / 1e9);
            sql.execute("DROP TABLE bench_import_baseline");
            connection.commit();
            return rowsPerSecond;
        }
    }

    private static Measured measure(Options options, Database database, Report report, int lines) throws Exception {
        Path file = generate(lines);
        database.freshSchema();
        try (Ledger ledger = Ledger.start(options, database)) {
            String records = Files.readString(file);
            long start = System.nanoTime();
            String summary = ledger.client().importLines(records);
            Views.awaitCaughtUp(ledger.client(), Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!summary.contains("\"refused\":0")) {
                throw new IllegalStateException("the import refused lines: " + summary);
            }
            long rss = ledger.peakRssKib();
            report.figure("import.at" + lines + ".lines", lines / seconds, "lines/s");
            report.figure("import.at" + lines + ".peak_rss", rss / 1024.0, "MiB");
            return new Measured(lines / seconds, rss);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The same file every run: negotiations set up first, then statements spread over them. */
    static Path generate(int lines) throws IOException {
        Path file = Files.createTempFile("ledger-bench-import-", ".jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int written = 0;
            for (int n = 0; n < NEGOTIATIONS && written < lines; n++) {
                String path = "/api/negotiations/i-" + n;
                out.write("{\"path\":\"/api/negotiations\",\"body\":{\"id\":\"i-" + n + "\",\"title\":\"Import " + n
                        + "\",\"openedOn\":\"2025-01-01\"}}\n");
                out.write("{\"path\":\"" + path + "/parties\",\"body\":{\"id\":\"a\",\"name\":\"A\","
                        + "\"role\":\"PARTY\"}}\n");
                out.write("{\"path\":\"" + path + "/topics\",\"body\":{\"id\":\"t\",\"title\":\"T\"}}\n");
                written += 3;
            }
            for (int i = 0; written < lines; i++, written++) {
                out.write(LedgerApi.importLine("i-" + (i % NEGOTIATIONS), LedgerApi.statement("s-" + i, i)));
            }
        }
        return file;
    }
}
