package org.negotiationledger.bench;

import java.time.Duration;

/**
 * Commands per second on ONE negotiation, first while it holds 100 events, then once it holds
 * 100,000 (10,000 with --quick): a long negotiation should cost no more per command than a short one.
 * One client, so that the figure is the cost of a command, not of contention. (The commands of the
 * first measurement stay in the history, so the second runs on a little more than the round number.)
 */
final class HotScenario {

    private static final String NEGOTIATION = "hot-" + LedgerApi.RUN;
    private static final int CHUNK = 5_000;

    private HotScenario() {
    }

    static void run(Options options, Ledger ledger, Report report) throws Exception {
        // Warm enough that the first measurement is not the JIT's: both should see the same ledger.
        Duration warmUp = Duration.ofSeconds(options.quick() ? 5 : 20);
        Duration measure = Duration.ofSeconds(options.quick() ? 6 : 20);
        int large = options.quick() ? 10_000 : 100_000;
        LedgerApi client = ledger.client();
        client.openNegotiation(NEGOTIATION);
        grow(client, 0, 97);

        Load.Result small = measure(client, "short", warmUp, measure);
        grow(client, 97, large - 100);
        Load.Result big = measure(client, "long", warmUp, measure);

        report.figure("hot.at100.commands", small.perSecond(), "commands/s");
        report.figure("hot.at100.p99", small.p99Millis(), "ms");
        report.figure("hot.at" + large + ".commands", big.perSecond(), "commands/s");
        report.figure("hot.at" + large + ".p99", big.p99Millis(), "ms");
        report.ratio("hot", big.perSecond() / small.perSecond());
    }

    private static Load.Result measure(LedgerApi client, String phase, Duration warmUp, Duration measure)
            throws Exception {
        return Load.run(1, warmUp, measure, (worker, i) -> client.record(NEGOTIATION,
                LedgerApi.statement(phase + "-" + i, (int) i)));
    }

    /** Adds statements {@code first} to {@code last} (exclusive) through the importer, in chunks. */
    private static void grow(LedgerApi client, int first, int last) throws Exception {
        for (int from = first; from < last; from += CHUNK) {
            StringBuilder file = new StringBuilder();
            for (int i = from; i < Math.min(last, from + CHUNK); i++) {
                file.append(LedgerApi.importLine(NEGOTIATION, LedgerApi.statement("grow-" + i, i)));
            }
            String summary = client.importLines(file.toString());
            if (!summary.contains("\"refused\":0")) {
                throw new IllegalStateException("growing the negotiation failed: " + summary);
            }
        }
    }
}
