package org.negotiationledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What an accepted command and an import line cost the database, read from PostgreSQL's own
 * counters rather than timed, so that the figures do not depend on the machine: transactions
 * committed (the whole database's, so the views' and the idle polling's too, and the read-only
 * ones), the transactions among them that wrote (transaction ids given out, the whole cluster's:
 * only those end in a flush of the write-ahead log), writes of the views'
 * tokens, rows inserted and bytes of tables and indexes added (the run's schema), each divided by
 * the commands accepted, with every view caught up. One client on one negotiation, then sixteen on
 * sixteen; then an import.
 */
final class CostScenario {

    /**
     * How long the ledger's sessions may take to report their counters: PostgreSQL 15 flushes an
     * idle session's at the latest after 10 s.
     */
    private static final Duration FLUSH = Duration.ofSeconds(11);

    private CostScenario() {
    }

    static void run(Options options, Database database, Ledger ledger, Report report) throws Exception {
        if (options.url() != null) {
            throw new IllegalArgumentException("cost reads the counters of the schema of a ledger the harness starts: "
                    + "run it without --url");
        }
        int commands = options.quick() ? 400 : 4_000;
        LedgerApi client = ledger.client();
        measure("cost.one_client", 1, commands, client, database, report);
        measure("cost.sixteen_clients", AppendScenario.CLIENTS, commands, client, database, report);

        String negotiation = "cost-import-" + LedgerApi.RUN;
        client.openNegotiation(negotiation);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < commands; i++) {
            lines.append(LedgerApi.importLine(negotiation, LedgerApi.statement("i-" + i, i)));
        }
        Views.awaitCaughtUp(client, Duration.ofMinutes(2));
        Counters before = Counters.read(database);
        client.importLines(lines.toString());
        Views.awaitCaughtUp(client, Duration.ofMinutes(5));
        Counters.read(database).minus(before).report("cost.import_line", commands, report);
    }

    private static void measure(String name, int clients, int commands, LedgerApi client, Database database,
                                Report report) throws Exception {
        List<String> negotiations = new ArrayList<>();
        for (int n = 0; n < clients; n++) {
            negotiations.add(name.replace('.', '-').replace('_', '-') + "-" + LedgerApi.RUN + "-" + n);
            client.openNegotiation(negotiations.get(n));
        }
        Views.awaitCaughtUp(client, Duration.ofMinutes(2));
        Counters before = Counters.read(database);
        ExecutorService workers = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> accepted = new ArrayList<>();
            for (int n = 0; n < clients; n++) {
                String negotiation = negotiations.get(n);
                int share = commands / clients;
                accepted.add(workers.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < share; i++) {
                        ok += client.record(negotiation, LedgerApi.statement("c-" + i, i)) ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> done : accepted) {
                total += done.get();
            }
            Views.awaitCaughtUp(client, Duration.ofMinutes(2));
            Counters.read(database).minus(before).report(name, total, report);
        } finally {
            workers.shutdownNow();
        }
    }

    /** PostgreSQL's counters at one moment, the run's schema's also table by table. */
    private record Counters(long commits, long writingCommits, long tokenWrites, Map<String, Table> tables) {

        /** One table's rows inserted so far and its size with its indexes. */
        private record Table(long rowsInserted, long bytes) {
        }

        static Counters read(Database database) throws SQLException, InterruptedException {
            Thread.sleep(FLUSH.toMillis());
            try (Connection connection = database.connect()) {
                long commits;
                try (PreparedStatement query = connection.prepareStatement("SELECT xact_commit FROM pg_stat_database "
                        + "WHERE datname = current_database()"); ResultSet row = query.executeQuery()) {
                    row.next();
                    commits = row.getLong(1);
                }
                long transactionIds;
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint");
                     ResultSet row = query.executeQuery()) {
                    row.next();
                    transactionIds = row.getLong(1);
                }
                Map<String, Table> tables = new TreeMap<>();
                long tokens = 0;
                try (PreparedStatement query = connection.prepareStatement("SELECT relname, n_tup_ins, n_tup_upd, "
                        + "pg_total_relation_size(relid) FROM pg_stat_user_tables WHERE schemaname = ?")) {
                    query.setString(1, Database.SCHEMA);
                    try (ResultSet row = query.executeQuery()) {
                        while (row.next()) {
                            tables.put(row.getString(1), new Table(row.getLong(2), row.getLong(4)));
                            if (row.getString(1).equals("tokenentry")) {
                                tokens = row.getLong(2) + row.getLong(3);
                            }
                        }
                    }
                }
                return new Counters(commits, transactionIds, tokens, tables);
            }
        }

        Counters minus(Counters before) {
            Map<String, Table> tables = new TreeMap<>();
            this.tables.forEach((name, now) -> {
                Table then = before.tables.getOrDefault(name, new Table(0, 0));
                tables.put(name, new Table(now.rowsInserted - then.rowsInserted, now.bytes - then.bytes));
            });
            return new Counters(commits - before.commits, writingCommits - before.writingCommits,
                    tokenWrites - before.tokenWrites, tables);
        }

        void report(String name, int accepted, Report report) {
            if (accepted == 0) {
                throw new IllegalStateException(name + ": no command was accepted");
            }
            long rows = tables.values().stream().mapToLong(Table::rowsInserted).sum();
            long bytes = tables.values().stream().mapToLong(Table::bytes).sum();
            report.figure(name + ".commands", accepted, "commands");
            report.figure(name + ".commits", (double) commits / accepted, "commits/command");
            report.figure(name + ".writing_commits", (double) writingCommits / accepted, "commits/command");
            report.figure(name + ".token_writes", (double) tokenWrites / accepted, "writes/command");
            report.figure(name + ".rows_inserted", (double) rows / accepted, "rows/command");
            report.figure(name + ".bytes", (double) bytes / accepted, "bytes/command");
            tables.forEach((table, counted) -> {
                if (counted.rowsInserted > 0 || counted.bytes > 0) {
                    report.figure(name + ".table." + table + ".rows", (double) counted.rowsInserted / accepted,
                            "rows/command");
                    report.figure(name + ".table." + table + ".bytes", (double) counted.bytes / accepted,
                            "bytes/command");
                }
            });
        }
    }
}
