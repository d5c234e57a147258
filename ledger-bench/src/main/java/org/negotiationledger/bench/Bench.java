package org.negotiationledger.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark harness: measures the ledger as users run it (HTTP, access control, the hash
 * chain, the views) and, in the same run, a baseline of what the machine and the database do
 * without it, so that machine noise cancels in their ratio.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        Report report = new Report(System.out);
        Database database = new Database(options);
        Ledger ledger = null;
        String ledgerFor = null;
        try {
            for (String scenario : options.scenarios()) {
                if ((scenario.equals("import") || scenario.equals("event-data")) && ledger != null) {
                    // These start ledgers of their own on a fresh schema: a ledger left running on the
                    // schema they drop would compete with theirs for the views' processor.
                    ledger.close();
                    ledger = null;
                    ledgerFor = null;
                }
                if (scenario.equals("import")) {
                    ImportScenario.run(options, database, report);
                    continue;
                }
                if (scenario.equals("event-data")) {
                    EventDataScenario.run(options, database, report);
                    continue;
                }
                // append and hot share a ledger (their negotiations differ), so do replay and query
                // (the query scenario reads the history the replay scenario wrote).
                String group = scenario.equals("append") || scenario.equals("hot") ? "commands"
                        : List.of("soak", "cost", "growth", "pages").contains(scenario) ? scenario : "history";
                if (!group.equals(ledgerFor)) {
                    if (ledger != null) {
                        ledger.close();
                    }
                    database.freshSchema();
                    ledger = options.url() == null ? Ledger.start(options, database) : Ledger.running(options);
                    ledgerFor = group;
                }
                switch (scenario) {
                    case "append" -> AppendScenario.run(options, database, ledger, report);
                    case "hot" -> HotScenario.run(options, ledger, report);
                    case "replay" -> ReplayScenario.run(options, database, ledger, report);
                    case "query" -> QueryScenario.run(options, database, ledger, report);
                    case "soak" -> SoakScenario.run(options, ledger, report);
                    case "cost" -> CostScenario.run(options, database, ledger, report);
                    case "growth" -> GrowthScenario.run(options, database, ledger, report);
                    case "pages" -> PagesScenario.run(options, ledger, report);
                    default -> throw new IllegalStateException("no scenario " + scenario);
                }
            }
        } finally {
            if (ledger != null) {
                ledger.close();
            }
        }
        Path written = report.finish(Path.of("bench-results"), options.scenario(), options.quick());
        System.err.println("written to " + written);
    }
}
