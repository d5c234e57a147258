package org.negotiationledger.api;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own linter on a metrics page: {@code promtool check metrics} (Debian's
 * {@code prometheus} package; {@code .ci/run} installs it). Without it the check is skipped,
 * unless LEDGER_TEST_PROMTOOL_REQUIRED=true (as in CI), where it fails instead.
 */
final class Promtool {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private Promtool() {
    }

    /** What promtool finds wrong with the page: empty when it is clean. */
    static String check(String metrics) {
        if (!Files.isExecutable(PROMTOOL)) {
            String missing = "no promtool at " + PROMTOOL + " (apt-get install prometheus)";
            if (Boolean.parseBoolean(System.getenv("LEDGER_TEST_PROMTOOL_REQUIRED"))) {
                throw new AssertionError("the promtool check is required, but there is " + missing);
            }
            Assumptions.abort(missing);
        }
        try {
            Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true)
                    .start();
            try (OutputStream in = promtool.getOutputStream()) {
                in.write(metrics.getBytes(StandardCharsets.UTF_8));
            }
            String findings = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!promtool.waitFor(30, TimeUnit.SECONDS)) {
                promtool.destroyForcibly();
                throw new AssertionError("promtool did not finish within 30 s");
            }
            return promtool.exitValue() == 0 ? "" : "exit " + promtool.exitValue() + ": " + findings.strip();
        } catch (IOException e) {
            throw new AssertionError("promtool could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while promtool ran", e);
        }
    }
}
