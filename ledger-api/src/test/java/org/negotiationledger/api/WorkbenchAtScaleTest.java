package org.negotiationledger.api;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench on one negotiation of 2,000 statements (8 parties, 40 topics, 250 days) on
 * PostgreSQL: the heatmap shows every cell the API has, and the time to first paint, to redraw
 * after a move of the slider and to mark a comparison are measured and written to
 * target/workbench-timings.txt (reported, not asserted: tests check behaviour, the figures go to
 * docs/performance.md). {@code LEDGER_WORKBENCH_STATEMENTS=20000} measures a larger negotiation
 * on demand (the same parties, topics and days).
 */
class WorkbenchAtScaleTest {

    private static final int PARTIES = 8;
    private static final int TOPICS = 40;
    private static final int STATEMENTS = Integer.parseInt(TestDatabase.env("LEDGER_WORKBENCH_STATEMENTS", "2000"));
    private static final String[] STANCES = {"SUPPORTS", "PROPOSES", "CONDITIONAL", "UNDECIDED", "OPPOSES", "REJECTS"};

    @Test
    void twoThousandStatementsPaintAndMove() throws IOException {
        try (LedgerNode node = LedgerNode.start(TestDatabase.freshSchema("ledger_workbench_scale_it"))) {
            LedgerNode.Response imported = node.as(LedgerNode.RECORDER).importLines("", lines());
            assertThat(imported.status()).isEqualTo(200);
            assertThat(imported.jsonLines().get(imported.jsonLines().size() - 1).at("/summary/refused").asInt())
                    .isZero();
            node.awaitViews();
            int cells = node.get("/api/negotiations/scale/positions").json().get("positions").size();

            try (Browser browser = Browser.open(node)) {
                browser.signIn(LedgerNode.READER, LedgerNode.password(LedgerNode.READER));
                List<Double> paints = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    browser.go("/workbench/icon.svg");
                    browser.go("/#/negotiations/scale");
                    browser.waitUntil(d -> d.findElements(By.cssSelector("#matrix td[data-stance]:not([data-stance=''])"))
                            .size() == cells);
                    paints.add(((Number) js(browser).executeScript(
                            "return performance.getEntriesByName('workbench:positions')[0].startTime")).doubleValue());
                }
                List<Double> moves = new ArrayList<>();
                for (int step = 1; step <= 20; step++) {
                    moves.add(redrawAfter(browser, "as-of", "input", String.valueOf(step * 12)));
                }
                assertThat(browser.find("#matrix caption").getText()).startsWith("Positions as of");
                List<Double> comparisons = new ArrayList<>();
                for (int step = 1; step <= 10; step++) {
                    comparisons.add(redrawAfter(browser, "compare", "change",
                            LocalDate.of(2025, 1, 1).plusDays(step * 20L).toString()));
                }
                assertThat(browser.find("#matrix caption").getText()).contains("changes since");
                assertThat(browser.find("#changes-heading").getText()).startsWith("Changed between");
                browser.screenshot("heatmap-" + STATEMENTS);
                report(cells, paints, moves, comparisons);
            }
        }
    }

    /**
     * Sets the control {@code id} to {@code value} as a user does (the event the page listens to),
     * and answers the milliseconds until the heatmap is drawn again.
     */
    private static double redrawAfter(Browser browser, String id, String event, String value) {
        return ((Number) js(browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const control = document.getElementById(arguments[0]);
                const before = performance.getEntriesByName('workbench:positions').length;
                const start = performance.now();
                control.value = arguments[2];
                control.dispatchEvent(new Event(arguments[1]));
                const wait = () => performance.getEntriesByName('workbench:positions').length > before
                    ? requestAnimationFrame(() => done(performance.now() - start)) : setTimeout(wait, 5);
                wait();""", id, event, value)).doubleValue();
    }

    private static JavascriptExecutor js(Browser browser) {
        return (JavascriptExecutor) browser.driver();
    }

    private static String lines() {
        StringBuilder lines = new StringBuilder();
        String n = "/api/negotiations/scale";
        lines.append("{\"path\":\"/api/negotiations\",\"body\":{\"id\":\"scale\",\"title\":\"" + STATEMENTS
                + " statements\",\"openedOn\":\"2025-01-01\"}}\n");
        for (int p = 0; p < PARTIES; p++) {
            lines.append("{\"path\":\"%s/parties\",\"body\":{\"id\":\"p%d\",\"name\":\"Party %d\",\"role\":\"PARTY\"}}\n"
                    .formatted(n, p, p));
        }
        for (int t = 0; t < TOPICS; t++) {
            lines.append("{\"path\":\"%s/topics\",\"body\":{\"id\":\"t%d\",\"title\":\"Topic %d\"}}\n".formatted(n, t, t));
        }
        LocalDate first = LocalDate.of(2025, 1, 1);
        for (int s = 0; s < STATEMENTS; s++) {
            lines.append(("{\"path\":\"%s/statements\",\"body\":{\"id\":\"s%d\",\"partyId\":\"p%d\",\"topicId\":\"t%d\","
                    + "\"stance\":\"%s\",\"summary\":\"Statement %d\",\"effectiveOn\":\"%s\"}}\n").formatted(n, s,
                    s % PARTIES, (s / PARTIES) % TOPICS, STANCES[(s * 5) % STANCES.length], s,
                    first.plusDays(s * 250L / STATEMENTS)));
        }
        return lines.toString();
    }

    private static void report(int cells, List<Double> paints, List<Double> moves, List<Double> comparisons)
            throws IOException {
        String text = String.format(Locale.ROOT, """
                workbench at %d statements, %d cells: first paint (navigation start to heatmap drawn) \
                median %.0f ms, max %.0f ms over %d loads; slider move to redrawn heatmap median %.0f ms, \
                max %.0f ms over %d moves; comparison to marked heatmap median %.0f ms, max %.0f ms over %d
                """, STATEMENTS, cells, median(paints), max(paints), paints.size(), median(moves), max(moves),
                moves.size(), median(comparisons), max(comparisons), comparisons.size());
        System.out.print(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "workbench-timings.txt"), text);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
