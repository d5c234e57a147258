package org.negotiationledger.bench;

import java.util.List;

/**
 * What a run was asked for.
 *
 * @param url   a running ledger to measure, or null to start one on {@code dbUrl}
 * @param dbUrl the PostgreSQL the ledger and the baselines use
 */
record Options(String scenario, boolean quick, String url, String dbUrl, String dbUser, String dbPassword,
               String user, String password, String ledgerJar) {

    static final List<String> SCENARIOS = List.of("append", "hot", "replay", "query", "import", "event-data",
            "cost", "pages");
    /** Scenarios run only when named: the soak takes ten minutes by itself, the growth to ten million events hours. */
    static final List<String> ON_DEMAND = List.of("soak", "growth");

    static final String USAGE = """
            usage: java -jar ledger-bench/target/ledger-bench.jar SCENARIO [--quick] [--url URL] [--db-url JDBC_URL]
              SCENARIO   append | hot | replay | query | import | event-data | cost | pages | soak | growth
                         | all (all but soak and growth)
              --quick    small sizes, for a first look (all together in about three minutes)
              --url      measure a running ledger instead of starting one (append and hot only;
                         then --user/--password, default admin)
              --db-url   the PostgreSQL for the ledger and the baselines, default
                         jdbc:postgresql://127.0.0.1:5432/test (--db-user postgres, --db-password empty)
              --jar      the ledger to start, default ledger-api/target/ledger.jar""";

    static Options parse(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no scenario given");
        }
        String scenario = args[0];
        if (!scenario.equals("all") && !SCENARIOS.contains(scenario) && !ON_DEMAND.contains(scenario)) {
            throw new IllegalArgumentException("unknown scenario '" + scenario + "'; the scenarios are " + SCENARIOS
                    + ", " + ON_DEMAND + " and all");
        }
        boolean quick = false;
        String url = null;
        String dbUrl = "jdbc:postgresql://127.0.0.1:5432/test";
        String dbUser = "postgres";
        String dbPassword = "";
        String user = "admin";
        String password = null;
        String jar = "ledger-api/target/ledger.jar";
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--quick")) {
                quick = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--url" -> url = value.replaceAll("/+$", "");
                case "--db-url" -> dbUrl = value;
                case "--db-user" -> dbUser = value;
                case "--db-password" -> dbPassword = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--jar" -> jar = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (url != null && !List.of("append", "hot").contains(scenario)) {
            throw new IllegalArgumentException("--url works with append and hot only: replay and query write their "
                    + "history straight into the event store, and import measures the memory, of a ledger the "
                    + "harness starts itself");
        }
        return new Options(scenario, quick, url, dbUrl, dbUser, dbPassword, user, password, jar);
    }

    List<String> scenarios() {
        return scenario.equals("all") ? SCENARIOS : List.of(scenario);
    }
}
