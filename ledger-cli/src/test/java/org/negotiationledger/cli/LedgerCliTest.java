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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerCliTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new LedgerCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(Map.of(), args);
    }

    private static String nothingListens() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return "http://127.0.0.1:" + free.getLocalPort();
        }
    }

    @Test
    void progressShowsTheBarThePercentageTheRateAndTheTimeLeft() {
        assertThat(Progress.line(250, 1000, Duration.ofSeconds(5)))
                .isEqualTo("[########......................]  25%  250/1000 lines  50 lines/s  ETA 0:15");
        assertThat(Progress.line(1000, 1000, Duration.ofSeconds(20))).contains("100%", "ETA 0:00");
        assertThat(Progress.clock(3725)).isEqualTo("1:02:05");
    }

    @Test
    void everyCommandHasHelpWithItsOptionsAndTheExitCodes() {
        for (String command : List.of("import", "import-events", "retract-events", "export", "restore")) {
            for (String[] args : new String[][]{{command, "--help"}, {"help", command}}) {
                Run help = run(args);
                assertThat(help.status()).as(String.join(" ", args)).isZero();
                assertThat(help.out()).contains("Usage: ledger-cli " + command, "--url=URL", "--user=USER",
                        "Exit status:", "  1", "some lines or records refused", " 64", "a wrong command line");
                assertThat(help.err()).isEmpty();
            }
        }
        assertThat(run("import", "--help").out()).contains("--on-error=stop|continue", "--[no-]progress");
        assertThat(run("export", "--help").out()).contains("--force");
        for (String[] args : new String[][]{{"--help"}, {"-h"}, {"help"}}) {
            assertThat(run(args).out()).as(String.join(" ", args))
                    .contains("Usage: ledger-cli", "import", "import-events", "retract-events", "export", "restore");
        }
    }

    @Test
    void theVersionIsTheBuildsOwn() {
        Run version = run("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).containsPattern("^ledger-cli \\d+\\.\\d+\\.\\d+").contains("Java ");
    }

    @Test
    void aWrongCommandLineIsOneLineOnStandardErrorAndExitStatus64() {
        Map<String[], String> wrong = Map.of(
                new String[]{}, "no command given",
                new String[]{"erase", "f"}, "Unmatched arguments",
                new String[]{"import"}, "Missing required parameter: 'FILE'",
                new String[]{"import", "f", "--url"}, "Missing required parameter for option '--url'",
                new String[]{"import", "f", "--on-error", "maybe"}, "--on-error must be stop or continue",
                new String[]{"import", "f", "--url", "localhost:8080"}, "--url must be the ledger's address",
                new String[]{"import-events", "day.zip", "--negotiation", "n"}, "Missing required option: '--format",
                new String[]{"import-events", "day.zip", "--negotiation", "n", "--format", "csv"}, "gdelt1, gdelt2, icews",
                new String[]{"retract-events", "ed 1", "--negotiation", "n", "--reason", "r"}, "'ed 1' is no id",
                new String[]{"retract-events", "ed-1", "--negotiation", "n"}, "Missing required option: '--reason");
        for (Map.Entry<String[], String> line : wrong.entrySet()) {
            Run run = run(Map.of("LEDGER_PASSWORD", "secret"), line.getKey());
            String args = String.join(" ", line.getKey());
            assertThat(run.status()).as(args).isEqualTo(LedgerCli.USAGE);
            assertThat(run.err()).as(args).contains(line.getValue(), "--help").doesNotContain("\tat ", "Exception");
            assertThat(run.err().lines().count()).as(args + ": " + run.err()).isEqualTo(1);
            assertThat(run.out()).as(args).isEmpty();
        }
    }

    @Test
    void aLedgerThatIsDownIsNamedAsSuch(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("talks.jsonl"), "{\"path\":\"/api/negotiations\",\"body\":{}}\n");
        String url = nothingListens();

        Run run = run(Map.of("LEDGER_PASSWORD", "secret"), "import", file.toString(), "--url", url);

        assertThat(run.status()).isEqualTo(LedgerCli.NOT_DONE);
        assertThat(run.err()).isEqualTo("ledger-cli import: cannot reach the ledger at " + url + "\n");
    }

    @Test
    void anUnreadableFileAndAMissingPasswordAreSaidInOneLine(@TempDir Path dir) throws IOException {
        Run missing = run(Map.of("LEDGER_PASSWORD", "secret"), "import", dir.resolve("none.jsonl").toString());
        assertThat(missing.status()).isEqualTo(LedgerCli.NOT_DONE);
        assertThat(missing.err()).isEqualTo("ledger-cli import: cannot read " + dir.resolve("none.jsonl") + "\n");

        Path file = Files.writeString(dir.resolve("talks.jsonl"), "{}\n");
        Run noPassword = run(Map.of(), "import", file.toString(), "--url", nothingListens());
        assertThat(noPassword.status()).isEqualTo(LedgerCli.USAGE);
        assertThat(noPassword.err()).contains("set LEDGER_PASSWORD to the password of admin");
    }

    @Test
    void anExportDoesNotOverwriteAFileUnlessForced(@TempDir Path dir) throws IOException {
        Path kept = Files.writeString(dir.resolve("ledger-export.jsonl"), "what was there\n");
        String url = nothingListens();

        Run refused = run(Map.of("LEDGER_PASSWORD", "secret"), "export", kept.toString(), "--url", url);
        assertThat(refused.status()).isEqualTo(LedgerCli.NOT_DONE);
        assertThat(refused.err()).contains(kept + " exists already; give --force to overwrite it");
        assertThat(Files.readString(kept)).isEqualTo("what was there\n");

        Run forced = run(Map.of("LEDGER_PASSWORD", "secret"), "export", kept.toString(), "--force", "--url", url);
        assertThat(forced.err()).as("forced, it goes on to the ledger").contains("cannot reach the ledger");
        assertThat(Files.readString(kept)).isEqualTo("what was there\n");
        assertThat(dir.resolve("ledger-export.jsonl.part")).doesNotExist();
    }

    @Test
    void theUploadShowsMegabytesSentAndAnswersAreLaidOutForPeople() throws IOException {
        assertThat(Progress.bytes(5 * 1024 * 1024, 20 * 1024 * 1024, Duration.ofSeconds(2)))
                .isEqualTo("[########......................]  25%  5.0/20.0 MB sent  2.5 MB/s  ETA 0:06");
        assertThat(Answers.indented("{\"a\":1,\"b\":{\"c\":\"x, {y}\"},\"d\":[],\"e\":[\"q\\\"\"]}")).isEqualTo("""
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
        assertThat(Answers.detail("{\"type\":\"/problems/x\",\"detail\":\"field 'role' is wrong\"}"))
                .isEqualTo("field 'role' is wrong");
        assertThat(Answers.detail("<html>Bad gateway</html>")).isEqualTo("<html>Bad gateway</html>");
    }

    @Test
    void aShorterProgressLineLeavesNoStaleCharacters() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(terminal));

        line.show("ETA 10:00");
        line.show("ETA 0:00");

        assertThat(terminal.toString(StandardCharsets.UTF_8)).isEqualTo("\rETA 10:00\rETA 0:00 ");
    }

    @Test
    void withoutATerminalNoBarIsDrawnButMessagesArePrinted() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(log), false);

        line.show("[####] 50%");
        line.print("line 2 refused: no");
        line.finish("[########] 100%");

        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("line 2 refused: no\n");
    }
}
