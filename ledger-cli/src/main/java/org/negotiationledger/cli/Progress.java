package org.negotiationledger.cli;

import java.time.Duration;
import java.util.Locale;

/** One line of progress: a bar, the percentage, lines done of all, lines per second and the time left. */
final class Progress {

    private static final int WIDTH = 30;
    private static final double MB = 1024 * 1024;

    private Progress() {
    }

    static String line(long done, long total, Duration elapsed) {
        Rate rate = new Rate(done, total, elapsed);
        return String.format("%s  %d/%d lines  %.0f lines/s  ETA %s", rate.bar(), done, total, rate.perSecond(),
                rate.eta());
    }

    /** The same for bytes sent: a bar, the percentage, MB sent of all, MB per second and the time left. */
    static String bytes(long done, long total, Duration elapsed) {
        Rate rate = new Rate(done, total, elapsed);
        return String.format(Locale.ROOT, "%s  %.1f/%.1f MB sent  %.1f MB/s  ETA %s", rate.bar(), done / MB,
                total / MB, rate.perSecond() / MB, rate.eta());
    }

    /** How far a piece of work is, and how fast it goes. */
    private record Rate(long done, long total, Duration elapsed) {

        double share() {
            return total == 0 ? 1 : Math.min(1, (double) done / total);
        }

        double perSecond() {
            return done / (Math.max(elapsed.toMillis(), 1) / 1000.0);
        }

        String bar() {
            int filled = (int) Math.round(share() * WIDTH);
            return String.format("[%s%s] %3d%%", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    Math.round(share() * 100));
        }

        String eta() {
            return perSecond() <= 0 || done >= total ? "0:00" : clock((long) Math.ceil((total - done) / perSecond()));
        }
    }

    static String clock(long seconds) {
        return seconds >= 3600
                ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
