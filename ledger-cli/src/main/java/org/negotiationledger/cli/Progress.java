package org.negotiationledger.cli;

import java.time.Duration;

/** One line of progress: a bar, the percentage, lines done of all, lines per second and the time left. */
final class Progress {

    private static final int WIDTH = 30;

    private Progress() {
    }

    static String line(long done, long total, Duration elapsed) {
        double share = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * WIDTH);
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        String eta = rate <= 0 || done >= total ? "0:00" : clock((long) Math.ceil((total - done) / rate));
        return String.format("[%s%s] %3d%%  %d/%d lines  %.0f lines/s  ETA %s", "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(share * 100), done, total, rate, eta);
    }

    static String clock(long seconds) {
        return seconds >= 3600
                ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
