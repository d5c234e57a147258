package org.negotiationledger.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchTest {

    @Test
    void optionsNameTheScenariosAndDefaults() {
        Options options = Options.parse("all", "--quick");
        assertThat(options.scenarios()).isEqualTo(Options.SCENARIOS);
        assertThat(options.quick()).isTrue();
        assertThat(options.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(Options.parse("hot", "--url", "http://ledger:8080/", "--password", "p").url())
                .isEqualTo("http://ledger:8080");
        assertThatThrownBy(() -> Options.parse("fly")).hasMessageContaining("unknown scenario");
        assertThat(Options.parse("soak", "--quick").scenarios()).containsExactly("soak");
        assertThat(Options.parse("all").scenarios()).doesNotContain("soak", "growth").contains("pages");
        assertThat(Options.parse("growth").scenarios()).containsExactly("growth");
        assertThat(GrowthScenario.sizes(Options.parse("growth"))).containsExactly(1_000_000L, 3_000_000L, 10_000_000L);
        assertThatThrownBy(() -> Options.parse("hot", "--url")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse("replay", "--url", "http://ledger:8080", "--password", "p"))
                .hasMessageContaining("append and hot only");
    }

    @Test
    void figuresArePrintedAsTheyComeRatiosLastAndAllWrittenAsJson(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Report report = new Report(new PrintStream(out, true, StandardCharsets.UTF_8));

        report.figure("append.ledger.commands", 152.75, "commands/s");
        report.ratio("append", 0.0132);
        report.figure("append.ledger.refused", 0, "commands");
        Path file = report.finish(dir, "append", true);

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "append.ledger.commands 152.750 commands/s", "append.ledger.refused 0 commands",
                "ratio append 0.013");
        assertThat(Files.readString(file)).contains("\"run\":\"append\"", "\"quick\":true",
                "{\"name\":\"append.ledger.commands\",\"value\":152.750,\"unit\":\"commands/s\"}",
                "\"ratios\":{\"append\":0.013}");
    }

    @Test
    void aLoadCountsWhatSucceededAfterTheWarmUp() throws Exception {
        Load.Result result = Load.run(2, Duration.ofMillis(50), Duration.ofMillis(300), (worker, i) -> {
            Thread.sleep(5);
            return i % 10 != 0;
        });

        assertThat(result.succeeded()).isPositive();
        assertThat(result.failed()).isPositive();
        assertThat(result.perSecond()).isBetween(50.0, 400.0);
        assertThat(result.p50Millis()).isGreaterThanOrEqualTo(5.0);
        assertThat(Load.percentile(List.of(1_000_000L, 2_000_000L, 3_000_000L, 4_000_000L), 0.5)).isEqualTo(2.0);
    }
}
