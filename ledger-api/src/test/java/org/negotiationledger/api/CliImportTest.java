package org.negotiationledger.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiationledger.cli.LedgerCli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line imports the example into a running ledger, with progress, and says what it did. */
class CliImportTest {

    private static LedgerNode node;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_cli_it"));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run cli(String password, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new LedgerCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("LEDGER_PASSWORD", password)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theExampleIsImportedWithProgressAndAgainWithoutChange() {
        String file = IstanbulExampleTest.EXAMPLE.toString();

        Run first = cli("anna-password", "import", file, "--url", node.url(), "--user", LedgerNode.RECORDER,
                "--progress");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("40 lines: 40 recorded, 0 already there, 0 refused\n");
        assertThat(first.err()).contains("100%", "40/40 lines", "lines/s").doesNotContain("ETA 0:000");

        Run again = cli("anna-password", "import", file, "--url", node.url(), "--user", LedgerNode.RECORDER);
        assertThat(again.out()).isEqualTo("40 lines: 0 recorded, 40 already there, 0 refused\n");
        assertThat(again.err()).as("no bar where standard error is no terminal").isEmpty();
    }

    @Test
    void eventDataIsImportedWithItsMappingAndTakenBackOut(@TempDir Path dir) throws IOException {
        assertThat(node.as(LedgerNode.RECORDER).post("/api/negotiations",
                "{\"id\":\"cli-events\",\"title\":\"T\",\"openedOn\":\"2018-01-01\"}").status()).isEqualTo(201);
        Path icews = dir.resolve("events.2018.sample.tab");
        try (InputStream sample = getClass().getResourceAsStream("/eventdata/icews_events.2018.sample.tab")) {
            Files.copy(sample, icews);
        }
        Path mapping = Files.writeString(dir.resolve("mapping.json"), """
                {"parties": [
                  {"party": "ru", "name": "Russia", "match": [{"name": "Russia"}]},
                  {"party": "ua", "name": "Ukraine", "match": [{"name": "Ukraine"}]}
                ]}""");
        String[] common = {"--format", "icews", "--negotiation", "cli-events", "--mapping", mapping.toString(),
                "--url", node.url(), "--user", LedgerNode.RECORDER};

        Run dry = cli("anna-password", concat(new String[]{"import-events", icews.toString(), "--dry-run",
                "--progress"}, common));
        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("\"dryRun\": true", "\"rows\": 3705", "\"records\": 6")
                .doesNotContain("\"recorded\"");
        assertThat(dry.err()).contains("100%", "MB sent");

        Run run = cli("anna-password", concat(new String[]{"import-events", icews.toString()}, common));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"recorded\": 6", "\"refused\": []");
        String batch = run.out().replaceAll("(?s).*\"batchId\": \"(ed-[0-9a-f]+)\".*", "$1");

        Run back = cli("anna-password", "retract-events", batch, "--negotiation", "cli-events", "--reason",
                "a test of the \"retraction\"", "--url", node.url(), "--user", LedgerNode.RECORDER);
        assertThat(back.status()).as(back.err()).isZero();
        assertThat(back.out()).isEqualTo("batch " + batch + ": 6 records, 6 retracted now, 0 retracted before\n");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void refusedLinesArePrintedAndTheStatusSaysSo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, """
                {"path":"/api/negotiations","body":{"id":"cli-bad","title":"T","openedOn":"2025-05-16"}}
                {"path":"/api/negotiations/cli-bad/parties","body":{"id":"ua","name":"Ukraine","role":"KING"}}
                {"path":"/api/negotiations/cli-bad/topics","body":{"id":"t","title":"T"}}
                """);

        Run run = cli("anna-password", "import", file.toString(), "--url", node.url(), "--user",
                LedgerNode.RECORDER, "--on-error", "continue");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("line 2 refused: field 'role' has the value 'KING'");
        assertThat(run.out()).isEqualTo("3 lines: 2 recorded, 0 already there, 1 refused\n");
    }

    @Test
    void anExportSaysWhyItCouldNotBeWritten(@TempDir Path dir) {
        Path nowhere = dir.resolve("no-such-folder").resolve("ledger-export.jsonl");

        Run run = cli("root-password", "export", nowhere.toString(), "--url", node.url(), "--user", LedgerNode.ADMIN);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).as(run.err()).startsWith("ledger-cli export: ").contains(nowhere.getParent().toString())
                .doesNotContain("Exception", "\tat ");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordEndsTheImport() {
        long before = node.eventCount();
        Run run = cli("wrong", "import", IstanbulExampleTest.EXAMPLE.toString(), "--url", node.url());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("the ledger at " + node.url() + " does not know user 'admin' with that "
                + "password").doesNotContain("%", "lines/s");
        assertThat(node.eventCount()).isEqualTo(before);
    }
}
