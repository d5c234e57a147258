package org.negotiationledger.bench;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What an open page of the workbench costs its node: 500 subscribers of one negotiation's event
 * stream (100 with --quick), the heap they hold once collected, and the CPU the ledger spends
 * while statements are recorded with them open, against the same statements recorded with none
 * open, in the same run. Every page must be sent every statement.
 */
final class PagesScenario {

    private PagesScenario() {
    }

    static void run(Options options, Ledger ledger, Report report) throws Exception {
        LedgerApi client = ledger.client();
        int pages = options.quick() ? 100 : 500;
        int statements = options.quick() ? 200 : 1_000;
        String negotiation = "pages-" + LedgerApi.RUN;
        client.openNegotiation(negotiation);
        record(client, negotiation, "warm-up", statements);

        double alone = cpuWhileRecording(ledger, client, negotiation, "alone", statements, List.of());
        long heapBefore = ledger.heapAfterCollection(client);
        List<Page> open = new ArrayList<>();
        long after = Views.head(client);
        for (int i = 0; i < pages; i++) {
            open.add(new Page(client.follow(negotiation, after)));
        }
        for (Page page : open) {
            page.caughtUp.await(60, TimeUnit.SECONDS);
        }
        long heapWith = ledger.heapAfterCollection(client);
        double with = cpuWhileRecording(ledger, client, negotiation, "with-pages", statements, open);
        for (Page page : open) {
            page.close();
        }

        report.figure("pages.open", pages, "pages");
        report.figure("pages.heap_per_page", (heapWith - heapBefore) / 1024.0 / pages, "KiB");
        report.figure("pages.cpu_per_statement.alone", alone * 1000, "ms");
        report.figure("pages.cpu_per_statement.with_pages", with * 1000, "ms");
        report.figure("pages.cpu_per_statement_per_page", (with - alone) * 1e6 / pages, "µs");
        report.ratio("pages.cpu", with / alone);
    }

    /**
     * The ledger's CPU seconds per statement while it records them one after another and sends
     * each to every open page; waits until every page has had every one.
     */
    private static double cpuWhileRecording(Ledger ledger, LedgerApi client, String negotiation, String phase,
                                            int statements, List<Page> open) throws Exception {
        open.forEach(page -> page.expect(statements));
        double before = ledger.cpuSeconds();
        record(client, negotiation, phase, statements);
        for (Page page : open) {
            if (!page.received.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a page was sent " + page.statements.get() + " of " + statements
                        + " statements");
            }
        }
        return (ledger.cpuSeconds() - before) / statements;
    }

    private static void record(LedgerApi client, String negotiation, String phase, int statements) {
        for (int i = 0; i < statements; i++) {
            if (!client.record(negotiation, LedgerApi.statement(phase + "-" + i, i))) {
                throw new IllegalStateException("the ledger refused a statement of the benchmark");
            }
        }
    }

    /** One open page: a thread reading its stream, counting the statements it is sent. */
    private static final class Page implements AutoCloseable {
        final CountDownLatch caughtUp = new CountDownLatch(1);
        final AtomicInteger statements = new AtomicInteger();
        private final Stream<String> lines;
        private volatile int expected;
        volatile CountDownLatch received = new CountDownLatch(0);

        Page(Stream<String> lines) {
            this.lines = lines;
            Thread reader = new Thread(this::read, "page");
            reader.setDaemon(true);
            reader.start();
        }

        void expect(int count) {
            statements.set(0);
            expected = count;
            received = new CountDownLatch(1);
        }

        private void read() {
            try {
                Iterator<String> each = lines.iterator();
                while (each.hasNext()) {
                    String line = each.next();
                    if (line.contains("\"caughtUp\":true")) {
                        caughtUp.countDown();
                    } else if (line.contains("\"type\":\"StatementRecorded\"")
                            && statements.incrementAndGet() == expected) {
                        received.countDown();
                    }
                }
            } catch (UncheckedIOException closed) {
                // the page was closed
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
