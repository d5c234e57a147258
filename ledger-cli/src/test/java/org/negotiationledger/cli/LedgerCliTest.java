package org.negotiationledger.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerCliTest {

    @Test
    void progressShowsTheBarThePercentageTheRateAndTheTimeLeft() {
        assertThat(Progress.line(250, 1000, Duration.ofSeconds(5)))
                .isEqualTo("[########......................]  25%  250/1000 lines  50 lines/s  ETA 0:15");
        assertThat(Progress.line(1000, 1000, Duration.ofSeconds(20))).contains("100%", "ETA 0:00");
        assertThat(Progress.clock(3725)).isEqualTo("1:02:05");
    }

    @Test
    void optionsHaveDefaultsAndAreChecked() {
        LedgerCli.Options options = LedgerCli.Options.parse("import", "talks.jsonl");
        assertThat(options.url()).isEqualTo("http://localhost:8080");
        assertThat(options.user()).isEqualTo("admin");
        assertThat(options.onError()).isEqualTo("stop");
        assertThat(LedgerCli.Options.parse("import", "f", "--url", "http://ledger:9000/", "--on-error", "continue"))
                .satisfies(o -> {
                    assertThat(o.url()).isEqualTo("http://ledger:9000");
                    assertThat(o.onError()).isEqualTo("continue");
                });
        assertThatThrownBy(() -> LedgerCli.Options.parse("erase", "f")).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> LedgerCli.Options.parse("import")).hasMessageContaining("import needs a FILE");
        assertThatThrownBy(() -> LedgerCli.Options.parse("import", "f", "--on-error", "maybe"))
                .hasMessageContaining("stop or continue");
        assertThatThrownBy(() -> LedgerCli.Options.parse("import", "f", "--url")).hasMessageContaining("needs a value");
    }

    @Test
    void anImportOfEventDataNamesItsFormatAndNegotiationAndARetractionItsReason() {
        LedgerCli.Options events = LedgerCli.Options.parse("import-events", "day.zip", "--format", "gdelt2",
                "--negotiation", "ru-ua-2025", "--mapping", "mine.json", "--dry-run");
        assertThat(events.format()).isEqualTo("gdelt2");
        assertThat(events.negotiation()).isEqualTo("ru-ua-2025");
        assertThat(events.mapping()).isEqualTo(Path.of("mine.json"));
        assertThat(events.dryRun()).isTrue();
        assertThat(LedgerCli.Options.parse("import-events", "day.zip", "--format", "icews", "--negotiation", "n")
                .dryRun()).isFalse();
        LedgerCli.Options restore = LedgerCli.Options.parse("import-events", "day.zip", "--restore", "--format",
                "icews", "--negotiation", "n");
        assertThat(restore.restore()).isTrue();
        assertThat(restore.dryRun()).isFalse();
        assertThat(restore.format()).isEqualTo("icews");
        assertThatThrownBy(() -> LedgerCli.Options.parse("import-events", "day.zip", "--negotiation", "n"))
                .hasMessage("import-events needs --format gdelt1, gdelt2 or icews");
        assertThatThrownBy(() -> LedgerCli.Options.parse("import-events", "day.zip", "--format", "icews"))
                .hasMessage("import-events needs --negotiation and the negotiation's id");
        LedgerCli.Options retraction = LedgerCli.Options.parse("retract-events", "ed-0123456789abcdef",
                "--negotiation", "n", "--reason", "the wrong day");
        assertThat(retraction.file().toString()).isEqualTo("ed-0123456789abcdef");
        assertThat(retraction.reason()).isEqualTo("the wrong day");
        assertThatThrownBy(() -> LedgerCli.Options.parse("retract-events", "ed-1", "--negotiation", "n"))
                .hasMessage("retract-events needs --reason, the reason in words");
        assertThatThrownBy(() -> LedgerCli.Options.parse("retract-events", "ed 1", "--negotiation", "n",
                "--reason", "r")).hasMessageContaining("is not a batch id");
    }

    @Test
    void theUploadShowsMegabytesSentAndAnswersAreLaidOutForPeople() {
        assertThat(Progress.bytes(5 * 1024 * 1024, 20 * 1024 * 1024, Duration.ofSeconds(2)))
                .isEqualTo("[########......................]  25%  5.0/20.0 MB sent  2.5 MB/s  ETA 0:06");
        assertThat(Json.indented("{\"a\":1,\"b\":{\"c\":\"x, {y}\"},\"d\":[],\"e\":[\"q\\\"\"]}")).isEqualTo("""
                {
                  "a": 1,
                  "b": {
                    "c": "x, {y}"
                  },
                  "d": [],
                  "e": [
                    "q\\""
                  ]
                }""");
        assertThat(Json.quoted("say \"no\"\n")).isEqualTo("\"say \\\"no\\\"\\n\"");
    }

    @Test
    void aWrongCommandLineShowsTheUsageAndFails() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new LedgerCli(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), Map.of())
                .run("import");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar ledger-cli.jar import FILE");
    }

    @Test
    void helpShowsTheUsageAndTheExitCodes() {
        for (String[] args : new String[][]{{"help"}, {"--help"}, {"-h"}, {"import", "--help"}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = new LedgerCli(new PrintStream(out), new PrintStream(new ByteArrayOutputStream()), Map.of())
                    .run(args);

            assertThat(status).as(String.join(" ", args)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: java -jar ledger-cli.jar import FILE",
                    "exit status: 0");
        }
    }

    @Test
    void aLedgerThatIsDownIsNamedAsSuch(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("talks.jsonl"), "{\"path\":\"/api/negotiations\",\"body\":{}}\n");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new LedgerCli(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err),
                Map.of("LEDGER_PASSWORD", "secret")).run("import", file.toString(), "--url", "http://127.0.0.1:" + port);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach the ledger at http://127.0.0.1:" + port)
                .doesNotContain("null");
    }

    @Test
    void aShorterProgressLineLeavesNoStaleCharacters() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(terminal));

        line.show("ETA 10:00");
        line.show("ETA 0:00");

        assertThat(terminal.toString(StandardCharsets.UTF_8)).isEqualTo("\rETA 10:00\rETA 0:00 ");
    }
}
