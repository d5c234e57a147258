package org.negotiationledger.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lines per second and peak resident memory of a ledger importing 1,000,000 JSON Lines, against
 * the same ledger's peak memory importing 100,000 (10,000 and 1,000 with --quick): streaming
 * means memory does not grow with the file. Each size gets a ledger of its own, started fresh.
 */
final class ImportScenario {

    private static final int NEGOTIATIONS = 100;

    private ImportScenario() {
    }

    static void run(Options options, Database database, Report report) throws Exception {
        int small = options.quick() ? 1_000 : 100_000;
        int large = options.quick() ? 10_000 : 1_000_000;
        long smallRss = measure(options, database, report, small);
        long largeRss = measure(options, database, report, large);
        report.ratio("import", (double) largeRss / smallRss);
    }

    private static long measure(Options options, Database database, Report report, int lines) throws Exception {
        Path file = generate(lines);
        database.freshSchema();
        try (Ledger ledger = Ledger.start(options, database)) {
            long start = System.nanoTime();
            String summary = ledger.client().importFile(file);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!summary.contains("\"refused\":0")) {
                throw new IllegalStateException("the import refused lines: " + summary);
            }
            long rss = ledger.peakRssKib();
            report.figure("import.at" + lines + ".lines", lines / seconds, "lines/s");
            report.figure("import.at" + lines + ".peak_rss", rss / 1024.0, "MiB");
            return rss;
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
                out.write("{\"path\":\"/api/negotiations/i-" + (i % NEGOTIATIONS) + "/statements\",\"body\":"
                        + LedgerClient.statement("s-" + i, i) + "}\n");
            }
        }
        return file;
    }
}
