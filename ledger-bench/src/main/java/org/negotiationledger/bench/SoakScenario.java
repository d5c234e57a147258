package org.negotiationledger.bench;

import org.negotiationledger.client.model.ViewStatus;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long steady load (10 minutes; one with --quick) of commands and reads, 8 clients on 8
 * negotiations, measured window by window: throughput, p99 latency, the ledger's resident memory
 * and how far its views lag. The ledger passes when nothing grows: the last window against the
 * first in the same run (the ratios soak.latency_drift and soak.memory_drift, near 1 when flat),
 * no refused or failed operation, and every view back at the head at the end.
 */
final class SoakScenario {

    static final int CLIENTS = 8;

    private SoakScenario() {
    }

    static void run(Options options, Ledger ledger, Report report) throws Exception {
        Duration warmUp = Duration.ofSeconds(options.quick() ? 10 : 30);
        Duration window = Duration.ofSeconds(options.quick() ? 15 : 30);
        int windows = options.quick() ? 4 : 20;
        LedgerApi client = ledger.client();
        for (int n = 0; n < CLIENTS; n++) {
            client.openNegotiation(negotiation(n));
        }
        // Statement ids run on across windows (each window counts its iterations from 0 again).
        AtomicLong statements = new AtomicLong();
        Load.Operation mixed = (worker, i) -> {
            String negotiation = negotiation(worker);
            long step = i % 4;
            if (step == 0) {
                long next = statements.incrementAndGet();
                return client.record(negotiation, LedgerApi.statement("soak-" + next, (int) next));
            }
            if (step == 1) {
                client.positions.positions(negotiation, null, null, null, null, null, null, null, null);
            } else if (step == 2) {
                client.audit.negotiationAudit(negotiation, null, null, null, null, null, null, null, null, null, null,
                        50, null, null, null);
            } else {
                client.negotiations.negotiation(negotiation, null, null, null, null);
            }
            return true;
        };
        Load.run(CLIENTS, Duration.ZERO, warmUp, mixed);

        Load.Result first = null;
        Load.Result last = null;
        long firstRss = 0;
        long lastRss = 0;
        long failed = 0;
        long worstLag = 0;
        for (int w = 0; w < windows; w++) {
            Load.Result result = Load.run(CLIENTS, Duration.ZERO, window, mixed);
            long rss = ledger.rssKib();
            long lag = maxLag(client);
            report.figure("soak.window" + (w + 1) + ".operations", result.perSecond(), "operations/s");
            report.figure("soak.window" + (w + 1) + ".p99", result.p99Millis(), "ms");
            report.figure("soak.window" + (w + 1) + ".rss", rss / 1024.0, "MiB");
            report.figure("soak.window" + (w + 1) + ".views_lag", lag, "events");
            failed += result.failed();
            worstLag = Math.max(worstLag, lag);
            if (first == null) {
                first = result;
                firstRss = rss;
            }
            last = result;
            lastRss = rss;
        }
        long finalLag = awaitViews(client, Duration.ofMinutes(2));
        report.figure("soak.refused", failed, "operations");
        report.figure("soak.views_lag.worst", worstLag, "events");
        report.figure("soak.views_lag.final", finalLag, "events");
        report.ratio("soak.latency_drift", last.p99Millis() / first.p99Millis());
        report.ratio("soak.throughput_drift", last.perSecond() / first.perSecond());
        report.ratio("soak.memory_drift", (double) lastRss / firstRss);
    }

    private static String negotiation(int client) {
        return "soak-" + LedgerApi.RUN + "-" + client;
    }

    /** The largest lag of any view now. */
    private static long maxLag(LedgerApi client) throws Exception {
        long lag = 0;
        for (ViewStatus view : client.admin.projections().getProjections()) {
            lag = Math.max(lag, view.getLag());
        }
        return lag;
    }

    /** Waits until no view lags; answers the lag left when the bound ran out (0 when caught up). */
    private static long awaitViews(LedgerApi client, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        long lag = maxLag(client);
        while (lag > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            lag = maxLag(client);
        }
        return lag;
    }
}
