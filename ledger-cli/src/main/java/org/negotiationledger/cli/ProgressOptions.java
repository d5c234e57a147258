package org.negotiationledger.cli;

import picocli.CommandLine.Option;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Whether a command draws its progress bar: on a terminal by default, or as --progress / --no-progress say. */
final class ProgressOptions {

    @Option(names = "--progress", negatable = true, description = "draw a progress bar on standard error "
            + "(default: only when standard error is a terminal)")
    private Boolean progress;

    ProgressLine line(Context context) {
        return new ProgressLine(context.err(), progress != null ? progress : context.terminal());
    }

    /** Runs {@code redraw} every quarter of a second on a thread of its own, until shut down. */
    static ScheduledExecutorService every250Ms(Runnable redraw) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(redraw, 0, 250, TimeUnit.MILLISECONDS);
        return ticker;
    }

    static void stop(ScheduledExecutorService ticker) throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(1, TimeUnit.SECONDS);
    }
}
