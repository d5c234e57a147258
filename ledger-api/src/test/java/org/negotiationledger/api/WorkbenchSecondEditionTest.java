package org.negotiationledger.api;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench's second edition in a real headless Chromium, signed in as an admin (who sees
 * every tab), on the shipped Istanbul example on PostgreSQL: Back and Forward walk every change,
 * a comparison marks the cells the API's /changes names, the downloads are the API's CSV, the
 * grid is one tab stop that the arrow keys move in, a phone scrolls nothing sideways, and axe-core
 * finds no serious or critical violation on any tab.
 */
class WorkbenchSecondEditionTest {

    private static final String N = "/api/negotiations/ru-ua-2025";
    private static final String PAGE = "/#/negotiations/ru-ua-2025";
    private static final List<String> TABS = List.of("positions", "over-time", "timeline", "audit", "record", "views");
    private static LedgerNode node;
    private static Browser browser;
    @TempDir
    static Path downloads;

    @BeforeAll
    static void startWithTheExample() {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_workbench2_it"));
        LedgerNode.Response imported = node.as(LedgerNode.RECORDER).importLines("", IstanbulExampleTest.example());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        node.awaitViews();
        browser = Browser.open(node);
        browser.signIn(LedgerNode.ADMIN, LedgerNode.password(LedgerNode.ADMIN));
        browser.downloadTo(downloads);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void backAndForwardWalkEachChangeAndAReloadKeepsTheScreen() {
        browser.go(PAGE);
        caption("today");
        browser.find("#tab-timeline").click();
        browser.find("#timeline");
        setDate("#as-of-date", "2025-05-20");
        awaitAddress("?tab=timeline&asOf=2025-05-20");
        browser.find("#tab-positions").click();
        caption("as of 20 May 2025");
        browser.find("#matrix td[data-party=ua][data-topic=ceasefire] button").click();
        browser.awaitText("#cell-heading", "Ukraine on Ceasefire");
        awaitAddress("?asOf=2025-05-20&party=ua&topic=ceasefire");

        browser.driver().navigate().back();
        awaitAddress("?asOf=2025-05-20");
        caption("as of 20 May 2025");
        assertThat(text("#cell")).startsWith("Choose a cell");
        browser.driver().navigate().back();
        awaitAddress("?tab=timeline&asOf=2025-05-20");
        assertThat(browser.find("#tab-timeline").getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.find("#as-of-date").getAttribute("value")).isEqualTo("2025-05-20");
        browser.driver().navigate().back();
        awaitAddress("?tab=timeline");
        browser.driver().navigate().back();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith(PAGE));
        caption("today");

        browser.driver().navigate().forward();
        browser.driver().navigate().forward();
        awaitAddress("?tab=timeline&asOf=2025-05-20");
        browser.driver().navigate().forward();
        browser.driver().navigate().forward();
        awaitAddress("?asOf=2025-05-20&party=ua&topic=ceasefire");
        browser.awaitText("#cell-heading", "Ukraine on Ceasefire");
        browser.reload();
        browser.awaitText("#cell-heading", "Ukraine on Ceasefire");
        caption("as of 20 May 2025");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aComparisonMarksTheCellsTheApiNamesWithWhatTheyWere() {
        browser.go(PAGE + "?compare=2025-05-20");
        caption("changes since 20 May 2025 marked");
        Set<String> marked = new HashSet<>(attributes("#matrix td[data-changed=true]", "data-party", "data-topic"));
        Set<String> named = new HashSet<>();
        for (JsonNode change : node.get(N + "/changes?from=2025-05-20").json().get("changes")) {
            named.add(change.get("partyId").asText() + "/" + change.get("topicId").asText());
            String before = change.get("before").isNull() ? "no position"
                    : change.at("/before/stance").asText().toLowerCase();
            assertThat(text("#matrix td[data-party=" + change.get("partyId").asText() + "][data-topic="
                    + change.get("topicId").asText() + "] .was")).isEqualTo("was " + before);
        }
        assertThat(marked).isNotEmpty().isEqualTo(named);
        assertThat(text("#matrix table")).as("an empty cell says nothing of what it was not")
                .doesNotContain("null", "undefined");
        assertThat(new HashSet<>(attributes("#changes li", "data-party", "data-topic"))).isEqualTo(named);
        assertThat(text("#changes-heading")).isEqualTo("Changed between 20 May 2025 and today");
        browser.screenshot("comparison");

        browser.find("#compare-clear").click();
        caption("today");
        assertThat(attributes("#matrix td[data-changed=true]", "data-party")).isEmpty();
    }

    @Test
    void theDownloadsAreTheApisCsvOfWhatIsShown() throws Exception {
        browser.go(PAGE + "?asOf=2025-06-02&compare=2025-05-20");
        caption("as of 2 Jun 2025");
        assertThat(downloaded("#matrix-csv")).isEqualTo(node.get(N + "/positions.csv?asOf=2025-06-02").body());
        assertThat(downloaded("#changes-csv"))
                .isEqualTo(node.get(N + "/changes.csv?from=2025-05-20&to=2025-06-02").body());

        browser.go(PAGE + "?asOf=2025-06-02&party=ua&topic=ceasefire");
        browser.awaitText("#cell-heading", "Ukraine on Ceasefire");
        assertThat(downloaded("#history-csv"))
                .isEqualTo(node.get(N + "/positions/ua/ceasefire/history.csv?asOf=2025-06-02").body());
        browser.go(PAGE + "?tab=timeline&asOf=2025-06-02");
        browser.find("#timeline");
        assertThat(downloaded("#meetings-csv")).isEqualTo(node.get(N + "/meetings.csv?asOf=2025-06-02").body());
        browser.go(PAGE + "?tab=audit");
        browser.find("#audit");
        assertThat(downloaded("#audit-csv")).isEqualTo(node.get(N + "/audit.csv").body()).contains("StatementRecorded");
    }

    @Test
    void overTimeDrawsThePartiesPickedAndGivesTheChartsAsPngAndSvg() throws IOException {
        browser.go(PAGE + "?tab=over-time&topic=ceasefire");
        browser.find("#stance-chart canvas");
        List<String> parties = attributes("#party-picker input", "value");
        List<String> drawn = attributes("#party-picker input:checked", "value");
        assertThat(drawn).isEqualTo(parties.subList(0, Math.min(5, parties.size())));
        browser.find("#party-picker input[value=ru]").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("show="));
        browser.waitUntil(d -> !browser.find("#stance-chart").getAttribute("aria-label").contains("Russia"));
        assertThat(attributes("#party-picker input:checked", "value")).doesNotContain("ru");
        browser.driver().navigate().back();
        browser.waitUntil(d -> browser.find("#stance-chart").getAttribute("aria-label").contains("Russia"));

        byte[] png = Files.readAllBytes(download("#stance-png", ".png"));
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(Files.readString(download("#stance-svg", ".svg"))).startsWith("<svg").contains("Ukraine");
    }

    @Test
    void theOpenStatementLeadsToItsCorrectionAndRetractionForms() {
        browser.go(PAGE + "?party=ua&topic=ceasefire");
        browser.awaitText("#cell-heading", "Ukraine on Ceasefire");
        String statement = node.get(N + "/positions").json().get("positions").findValues("statementId").stream()
                .map(JsonNode::asText).filter(id -> attributes("#matrix td[data-party=ua][data-topic=ceasefire]",
                        "data-statement").contains(id)).findFirst().orElseThrow();
        browser.find("#amend").click();
        awaitAddress("?tab=record&party=ua&topic=ceasefire&statement=" + statement);
        assertThat(browser.find("#correct-statement [name=statementId]").getAttribute("value")).isEqualTo(statement);
        assertThat(browser.find("#retract-statement [name=statementId]").getAttribute("value")).isEqualTo(statement);
        browser.waitUntil(d -> "summary".equals(d.switchTo().activeElement().getAttribute("name")));
        browser.find("#tab-positions").click();
        awaitAddress("?party=ua&topic=ceasefire");
    }

    @Test
    void copyLinkCopiesTheAddressOfTheScreen() {
        browser.allowClipboard();
        browser.go(PAGE + "?asOf=2025-05-20&party=ru&topic=ceasefire");
        browser.awaitText("#cell-heading", "Russia on Ceasefire");
        browser.find("#copy-link").click();
        browser.awaitText(".share [role=status]", "Link copied");
        String copied = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "navigator.clipboard.readText().then(arguments[arguments.length - 1]);");
        assertThat(copied).isEqualTo(browser.driver().getCurrentUrl()).endsWith("?asOf=2025-05-20&party=ru&topic=ceasefire");
    }

    @Test
    void theGridIsOneTabStopThatArrowKeysMoveInAndEnterKeepsTheFocus() {
        browser.go(PAGE);
        caption("today");
        assertThat(attributes("#matrix td[data-party] button[tabindex='0']", "tabindex")).hasSize(1);
        List<String> parties = attributes("#matrix tbody th", "data-party");
        List<String> topics = attributes("#matrix thead th", "data-topic");
        browser.find("#matrix td[data-party] button[tabindex='0']").sendKeys(Keys.ARROW_RIGHT);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(focusedCell()).isEqualTo(parties.get(1) + "/" + topics.get(1));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitUntil(d -> browser.find("#cell-heading").getText().endsWith(" on " + browser.find(
                "#matrix thead th[data-topic='" + topics.get(1) + "']").getText()));
        assertThat(focusedCell()).as("the focus stays on the opened cell").isEqualTo(parties.get(1) + "/" + topics.get(1));
        assertThat(attributes("#matrix td[data-party] button[tabindex='0']", "tabindex")).hasSize(1);
        browser.driver().switchTo().activeElement().sendKeys(Keys.END);
        assertThat(focusedCell()).isEqualTo(parties.get(1) + "/" + topics.get(topics.size() - 1));
    }

    @Test
    void filtersAnOrderAndTheCompactModeAreEntriesOfTheHistory() {
        browser.go(PAGE);
        caption("today");
        int allParties = attributes("#matrix tbody th", "data-party").size();
        WebElement filter = browser.find("#filter-parties");
        filter.sendKeys("ukr", Keys.TAB);
        awaitAddress("?parties=ukr");
        browser.waitUntil(d -> attributes("#matrix tbody th", "data-party").equals(List.of("ua")));
        assertThat(text("#filtered")).startsWith("1 of " + allParties + " parties");

        new Select(browser.find("#sort")).selectByValue("name");
        awaitAddress("?parties=ukr&sort=name");
        browser.find("#compact").click();
        awaitAddress("?parties=ukr&sort=name&compact=1");
        browser.waitUntil(d -> browser.find("#matrix table").getAttribute("class").contains("compact"));

        browser.driver().navigate().back();
        awaitAddress("?parties=ukr&sort=name");
        browser.driver().navigate().back();
        browser.driver().navigate().back();
        browser.waitUntil(d -> attributes("#matrix tbody th", "data-party").size() == allParties);
    }

    @Test
    void playStepsTheDaysToTheLastAndIsOneEntryOfTheHistory() {
        JsonNode summary = node.get(N).json();
        String last = Stream.of(summary.get("lastEffectiveOn").asText(), summary.path("closedOn").asText(""))
                .max(String::compareTo).orElseThrow();
        browser.go(PAGE + "?asOf=2025-06-20");
        caption("as of 20 Jun 2025");
        new Select(browser.find("#speed")).selectByValue("fast");
        browser.find("#play").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("?asOf=" + last)
                && browser.find("#play").getAttribute("aria-pressed").equals("false"));
        caption("as of " + browser.find("#as-of-shown").getText());
        browser.driver().navigate().back();
        awaitAddress("?asOf=2025-06-20");
    }

    @Test
    void aPhoneScrollsNothingSideways() {
        browser.viewport(390, 844);
        try {
            browser.go("/#/");
            browser.find("#negotiations");
            assertThat(sidewaysScroll()).as("the list").isZero();
            for (String tab : TABS) {
                browser.go(PAGE + "?tab=" + tab + "&party=ua&topic=ceasefire");
                browser.waitUntil(d -> browser.find("#panel").getAttribute("aria-busy").equals("false")
                        && browser.find("#tab-" + tab).getAttribute("aria-current") != null);
                assertThat(sidewaysScroll()).as(tab).isZero();
            }
            browser.go(PAGE);
            caption("today");
            browser.screenshot("phone-positions");
        } finally {
            browser.desktop();
        }
    }

    @Test
    void axeFindsNoModerateSeriousOrCriticalViolationOnAnyTab() {
        List<String> found = new ArrayList<>(serious("the list of negotiations", "/#/", "#negotiations"));
        found.addAll(serious("positions, a cell open and a comparison",
                PAGE + "?party=ua&topic=ceasefire&compare=2025-05-20", "#changes"));
        for (String tab : TABS.subList(1, TABS.size())) {
            found.addAll(serious(tab, PAGE + "?tab=" + tab, "#panel[aria-busy=false]"));
        }
        assertThat(found).isEmpty();
    }

    /** The violations axe-core finds on the page at {@code path} (moderate, serious, critical), one line each. */
    private static List<String> serious(String page, String path, String ready) {
        browser.go(path);
        browser.find(ready);
        browser.waitUntil(d -> d.findElements(By.cssSelector("#panel[aria-busy=true]")).isEmpty());
        Results results = new AxeBuilder().analyze(browser.driver());
        List<String> lines = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            if (!"minor".equals(violation.getImpact())) {
                lines.add(page + ": " + violation.getId() + " (" + violation.getImpact() + ") at "
                        + violation.getNodes().stream().map(found -> String.valueOf(found.getTarget())).toList());
            }
        }
        return lines;
    }

    private static long sidewaysScroll() {
        return (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);");
    }

    /** Clicks the CSV link and answers the file it brought, once complete. */
    private static String downloaded(String link) throws IOException {
        return Files.readString(download(link, ".csv"));
    }

    /** Clicks the download link or button and answers the file it brought, once complete. */
    private static Path download(String link, String suffix) throws IOException {
        Set<Path> before;
        try (Stream<Path> files = Files.list(downloads)) {
            before = new HashSet<>(files.toList());
        }
        browser.find(link).click();
        Path file = browser.waitUntil(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> !before.contains(f) && f.toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        return file;
    }

    private static String focusedCell() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                const cell = document.activeElement.closest('td[data-party]');
                return cell ? cell.dataset.party + '/' + cell.dataset.topic : document.activeElement.tagName;""");
    }

    private static void setDate(String css, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                arguments[0].value = arguments[1];
                arguments[0].dispatchEvent(new Event('change', {bubbles: true}));""", browser.find(css), value);
    }

    private static void awaitAddress(String query) {
        browser.waitUntil(d -> d.getCurrentUrl().endsWith(PAGE + query));
    }

    private static void caption(String wanted) {
        browser.waitUntil(d -> browser.find("#panel").getAttribute("aria-busy").equals("false")
                && browser.find("#matrix caption").getText().contains(wanted));
    }

    private static List<String> attributes(String css, String... names) {
        return browser.attributes(css, names);
    }

    private static String text(String css) {
        return browser.text(css);
    }
}
