package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench in a real headless Chromium, against the ledger on PostgreSQL with the shipped
 * example imported: what the page shows is what the API answers.
 */
class WorkbenchTest {

    private static final String N = "/api/negotiations/ru-ua-2025";
    private static final String PAGE = "/#/negotiations/ru-ua-2025";
    private static final String CORRECTED = "putin-2025-06-18-legitimacy";
    private static LedgerNode node;
    private static Browser browser;
    /** A moment after the example was imported and before one of its statements was corrected. */
    private static Instant beforeCorrection;

    @BeforeAll
    static void startWithTheExample() throws InterruptedException {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_workbench_it"));
        LedgerNode.Response imported = node.as(LedgerNode.RECORDER).importLines("", IstanbulExampleTest.example());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        Thread.sleep(1100);
        beforeCorrection = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(1100);
        LedgerNode.Response correction = node.as(LedgerNode.RECORDER).post(N + "/statements/" + CORRECTED
                + "/corrections", """
                {"stance":"OPPOSES","summary":"Russia questions who may sign for Ukraine","reason":"the interview's wording is softer than first noted"}""");
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        node.awaitViews();
        browser = Browser.open(node);
        browser.signIn(LedgerNode.RECORDER, LedgerNode.password(LedgerNode.RECORDER));
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
    void theHeatmapShowsTheApisMatrixCellByCell() {
        browser.go(PAGE);
        Map<String, String> shown = heatmap("today");
        assertThat(shown).isEqualTo(stances(node.get(N + "/positions").json()));
        assertThat(shown).containsEntry("ru/signatory-legitimacy", "OPPOSES").containsEntry("ua/ceasefire", "SUPPORTS");
        browser.screenshot("heatmap");
    }

    @Test
    void movingTheSliderTo20MayChangesExactlyTheCellsTheApiSays() {
        browser.go(PAGE);
        Map<String, String> latest = heatmap("today");
        WebElement slider = browser.find("#as-of");
        slider.sendKeys(Keys.HOME);
        while (!browser.find("#as-of-shown").getText().equals("20 May 2025")) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        Map<String, String> onThe20th = heatmap("as of 20 May 2025");
        assertThat(browser.driver().getCurrentUrl()).endsWith(PAGE + "?asOf=2025-05-20");
        assertThat(onThe20th).isEqualTo(stances(node.get(N + "/positions?asOf=2025-05-20").json()));

        Set<String> changedOnThePage = new HashSet<>(latest.keySet());
        changedOnThePage.addAll(onThe20th.keySet());
        changedOnThePage.removeIf(cell -> latest.getOrDefault(cell, "").equals(onThe20th.getOrDefault(cell, "")));
        Set<String> changedByTheApi = new HashSet<>();
        for (JsonNode change : node.get(N + "/changes?from=2025-05-20").json().get("changes")) {
            changedByTheApi.add(change.get("partyId").asText() + "/" + change.get("topicId").asText());
        }
        assertThat(changedOnThePage).isNotEmpty().isEqualTo(changedByTheApi);
        browser.screenshot("heatmap-20-may");
    }

    @Test
    void knownAtBeforeTheCorrectionShowsTheFirstVersionAndTheHistoryListsTheCorrection() {
        browser.go(PAGE + "?knownAt=" + beforeCorrection + "&party=ru&topic=signatory-legitimacy");
        assertThat(heatmap("as known at")).containsEntry("ru/signatory-legitimacy", "REJECTS");
        WebElement statement = browser.find("#statement");
        assertThat(statement.getText()).contains("rejects").doesNotContain("Russia questions who may sign");

        browser.go(PAGE + "?party=ru&topic=signatory-legitimacy");
        assertThat(heatmap("today")).containsEntry("ru/signatory-legitimacy", "OPPOSES");
        browser.waitUntil(d -> browser.find("#statement").getText().contains("Russia questions who may sign"));
        var versions = browser.driver().findElements(By.cssSelector("#history .version"));
        assertThat(versions).extracting(version -> version.getAttribute("data-kind"))
                .containsExactly("RECORDED", "CORRECTED");
        assertThat(versions.get(0).getText()).contains("superseded");
        assertThat(versions.get(1).getText()).contains("the interview's wording is softer than first noted");
        browser.screenshot("history");
    }

    @Test
    void signingInWithAWrongPasswordSaysSoAndSigningOutEndsTheSession() {
        try (Browser other = Browser.open(node)) {
            other.go("/login");
            other.find("#username").sendKeys(LedgerNode.READER);
            other.find("#password").sendKeys("not-the-password");
            other.find("form button[type=submit]").click();
            assertThat(other.find("#message").getText()).isEqualTo("The user name or password is wrong.");

            other.signIn(LedgerNode.READER, LedgerNode.password(LedgerNode.READER));
            assertThat(other.find("#who").getText()).isEqualTo("reader · reader");
            other.find("#sign-out button").click();
            assertThat(other.find("#message").getText()).isEqualTo("You are signed out.");
            other.go(PAGE);
            other.waitUntil(d -> d.getCurrentUrl().endsWith("/login"));
        }
    }

    /** Waits for the matrix whose caption contains {@code caption}, and reads party/topic → stance of each cell. */
    private static Map<String, String> heatmap(String caption) {
        browser.waitUntil(d -> browser.find("#matrix").getAttribute("aria-busy").equals("false")
                && browser.find("#matrix caption").getText().contains(caption));
        Map<String, String> cells = new HashMap<>();
        for (WebElement cell : browser.driver().findElements(By.cssSelector("#matrix td[data-party]"))) {
            String stance = cell.getAttribute("data-stance");
            if (!stance.isEmpty()) {
                cells.put(cell.getAttribute("data-party") + "/" + cell.getAttribute("data-topic"), stance);
            }
        }
        return cells;
    }

    private static Map<String, String> stances(JsonNode matrix) {
        Map<String, String> cells = new HashMap<>();
        for (JsonNode position : matrix.get("positions")) {
            cells.put(position.get("partyId").asText() + "/" + position.get("topicId").asText(),
                    position.get("stance").asText());
        }
        return cells;
    }
}
