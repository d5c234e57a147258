package org.negotiationledger.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        assertThatThrownBy(() -> LedgerCli.Options.parse("export", "f")).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> LedgerCli.Options.parse("import", "f", "--on-error", "maybe"))
                .hasMessageContaining("stop or continue");
        assertThatThrownBy(() -> LedgerCli.Options.parse("import", "f", "--url")).hasMessageContaining("needs a value");
    }

    @Test
    void aWrongCommandLineShowsTheUsageAndFails() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new LedgerCli(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err), Map.of())
                .run("import");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar ledger-cli.jar import FILE");
    }
}
