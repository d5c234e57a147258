package org.negotiationledger.api;

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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
        wageRound();
        node.awaitViews();
        browser = Browser.open(node);
        browser.signIn(LedgerNode.RECORDER, LedgerNode.password(LedgerNode.RECORDER));
    }

    /** A wage round whose offers close in: the union asks 8 % and the employer offers 2 %, then 6.5/3, 5/4.2, 4.5/4.5. */
    private static void wageRound() {
        LedgerNode recorder = node.as(LedgerNode.RECORDER);
        String w = "/api/negotiations/wage-2024";
        List<String[]> commands = new ArrayList<>(List.of(
                new String[]{"/api/negotiations", "{\"id\":\"wage-2024\",\"title\":\"Wage round 2024\",\"openedOn\":\"2024-01-10\"}"},
                new String[]{w + "/parties", "{\"id\":\"union\",\"name\":\"Union\",\"role\":\"PARTY\"}"},
                new String[]{w + "/parties", "{\"id\":\"employer\",\"name\":\"Employer\",\"role\":\"PARTY\"}"},
                new String[]{w + "/topics", "{\"id\":\"pay-rise\",\"title\":\"Pay rise\"}"}));
        String[][] rounds = {{"2024-01-15", "8", "2"}, {"2024-02-01", "6.5", "3"}, {"2024-02-20", "5", "4.2"},
                {"2024-03-05", "4.5", "4.5"}};
        for (String[] round : rounds) {
            for (String[] side : new String[][]{{"union", round[1], "DEMANDS"}, {"employer", round[2], "PROPOSES"}}) {
                commands.add(new String[]{w + "/statements", """
                        {"id":"%s-%s","partyId":"%s","topicId":"pay-rise","stance":"%s","summary":"%s %% a year",
                         "offer":{"value":%s,"unit":"%%"},"effectiveOn":"%s"}""".formatted(side[0], round[0], side[0],
                        side[2], side[1], side[1], round[0])});
            }
        }
        for (String[] command : commands) {
            LedgerNode.Response answer = recorder.post(command[0], command[1]);
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
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
        for (int day = 0; day < 60 && !browser.find("#as-of-shown").getText().equals("20 May 2025"); day++) {
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
        assertThat(text("#statement")).contains("rejects").doesNotContain("Russia questions who may sign");

        browser.go(PAGE + "?party=ru&topic=signatory-legitimacy");
        assertThat(heatmap("today")).containsEntry("ru/signatory-legitimacy", "OPPOSES");
        browser.waitUntil(d -> text("#statement").contains("Russia questions who may sign"));
        assertThat(attributes("#history .version", "data-kind")).containsExactly("RECORDED", "CORRECTED");
        List<String> versions = texts("#history .version");
        assertThat(versions.get(0)).contains("superseded");
        assertThat(versions.get(1)).contains("the interview's wording is softer than first noted");
        browser.screenshot("history");
    }

    @Test
    void aCellOpensTheStatementWithItsMeetingDelegateAndSourceInTheOriginalLanguage() {
        browser.go(PAGE + "?asOf=2025-05-20&party=ru&topic=leaders-meeting");
        JsonNode entry = node.get(N + "/positions/ru/leaders-meeting/history?asOf=2025-05-20").json().get("entries").get(0);
        browser.waitUntil(d -> text("#statement").contains(entry.get("summary").asText()));
        assertThat(text("#statement")).contains(entry.get("summary").asText(), "Istanbul, 16 May 2025 (delegations)");
        assertThat(attributes("#statement .source blockquote", "lang")).containsExactly("ru");
        assertThat(texts("#statement .source blockquote")).containsExactly(entry.at("/source/quote").asText());
    }

    @Test
    void theKeyboardOpensACellAndMovesTheDay() {
        browser.go(PAGE);
        heatmap("today");
        browser.waitUntil(d -> {
            browser.find("#matrix td[data-party=ua][data-topic=ceasefire] button").sendKeys(Keys.ENTER);
            return true;
        });
        assertThat(text("#cell-heading")).isEqualTo("Ukraine on Ceasefire");
        assertThat(attributes("#matrix td[data-party=ua][data-topic=ceasefire] button", "aria-pressed"))
                .containsExactly("true");

        browser.find("#as-of").sendKeys(Keys.END, Keys.ARROW_LEFT);
        assertThat(heatmap("as of 27 Jun 2025")).isEqualTo(stances(node.get(N + "/positions?asOf=2025-06-27").json()));
    }

    @Test
    void signingInWithAWrongPasswordSaysSoAndSigningOutEndsTheSession() {
        try (Browser other = Browser.open(node)) {
            other.go("/login");
            other.find("#username").sendKeys(LedgerNode.READER);
            other.find("#password").sendKeys("not-the-password");
            other.find("form button[type=submit]").click();
            other.awaitText("#message", "The user name or password is wrong.");
            assertThat(other.find("#username").getAttribute("value")).as("the user name is kept")
                    .isEqualTo(LedgerNode.READER);

            other.signIn(LedgerNode.READER, LedgerNode.password(LedgerNode.READER));
            assertThat(other.find("#who").getText()).isEqualTo("reader · reader");
            other.find("#sign-out button").click();
            other.awaitText("#message", "You are signed out.");
            other.go(PAGE);
            other.waitUntil(d -> d.getCurrentUrl().endsWith("/login"));
        }
    }

    @Test
    void positionsOverTimeShowEveryVersionAndTheOffersClosingIn() {
        browser.errors();
        browser.go(PAGE + "?tab=over-time&topic=signatory-legitimacy");
        browser.find("#stance-chart canvas");
        List<String> rows = attributes("#over-time-table tbody tr[data-party=ru]", "data-kind", "data-superseded");
        assertThat(rows).containsExactly("RECORDED/true", "CORRECTED/false");

        browser.go("/#/negotiations/wage-2024?tab=over-time&topic=pay-rise");
        browser.find("#offer-chart canvas");
        assertThat(text("#offer-gaps .gap-values")).isEqualTo("6 → 3.5 → 0.8 → 0");
        browser.screenshot("offers-over-time");

        browser.go(PAGE + "?tab=over-time&topic=leaders-meeting&asOf=2025-06-20");
        browser.find("#stance-chart canvas");
        // Each stance is a level of its own: a proposal or a demand is not drawn, or described, as support.
        assertThat(browser.find("#stance-chart").getAttribute("aria-label"))
                .contains("Ukraine, conditional since 27 May 2025", "Russia, conditional since 18 Jun 2025");
        browser.screenshot("positions-over-time");
        browser.go(PAGE + "?tab=over-time&topic=leaders-meeting&asOf=2025-05-20");
        browser.waitUntil(d -> browser.find("#stance-chart").getAttribute("aria-label")
                .contains("Ukraine, proposes since 16 May 2025; Russia, rejects since 16 May 2025"));
        browser.go(PAGE + "?tab=over-time&topic=air-defence");
        browser.waitUntil(d -> browser.find("#stance-chart").getAttribute("aria-label")
                .contains("Ukraine, demands since 27 Jun 2025"));
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theTimelineHoldsEveryMeetingExchangeStageAndOutcome() {
        browser.errors();
        browser.go(PAGE + "?tab=timeline");
        browser.find("#timeline");
        JsonNode meetings = node.get(N + "/meetings").json().get("meetings");
        JsonNode exchanges = node.get(N + "/exchanges").json().get("exchanges");
        JsonNode outcomes = node.get(N + "/outcomes").json().get("outcomes");
        int exchangeMoments = 0;
        for (JsonNode exchange : exchanges) {
            exchangeMoments += 1 + (exchange.get("agreement").isNull() ? 0 : 1) + exchange.get("stages").size();
        }
        int outcomeMoments = 0;
        for (JsonNode outcome : outcomes) {
            outcomeMoments += 1 + outcome.get("statuses").size();
        }
        assertThat(count("#timeline li[data-kind=meeting]")).isEqualTo(meetings.size()).isPositive();
        assertThat(count("#timeline li[data-kind=exchange]")).isEqualTo(exchangeMoments).isPositive();
        assertThat(count("#timeline li[data-kind=outcome]")).isEqualTo(outcomeMoments).isPositive();
        assertThat(browser.find("#timeline li[data-id=istanbul-1] time").getAttribute("datetime")).isEqualTo("2025-05-16");
        List<String> days = attributes("#timeline li", "data-on");
        assertThat(days).isSorted();

        browser.go(PAGE + "?tab=timeline&asOf=2025-05-20");
        int allExchangeMoments = exchangeMoments;
        browser.waitUntil(d -> count("#timeline li[data-kind=exchange]") < allExchangeMoments);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void anEditedEventTurnsTheVerifyBadgeRed() {
        browser.go("/#/negotiations/wage-2024?tab=audit");
        assertThat(browser.find("#verify").getAttribute("data-intact")).isEqualTo("true");
        assertThat(count("#audit tbody tr")).isEqualTo(12);

        int edited = node.jdbc().update("UPDATE domainevententry SET payload = convert_to(replace(convert_from("
                + "payload, 'UTF8'), '6.5 % a year', '7.5 % a year'), 'UTF8') WHERE aggregateidentifier = 'wage-2024' "
                + "AND sequencenumber = 6 AND convert_from(payload, 'UTF8') LIKE '%6.5 \\% a year%'");
        assertThat(edited).as("the event edited by hand").isEqualTo(1);
        // The page is loaded afresh, so that nothing of the verdict drawn before the edit is on it.
        browser.go("/#/");
        browser.reload();
        browser.go("/#/negotiations/wage-2024?tab=audit");
        WebElement badge = browser.waitUntil(d -> {
            WebElement verdict = d.findElement(By.cssSelector("#verify"));
            return "false".equals(verdict.getAttribute("data-intact")) ? verdict : null;
        });
        assertThat(badge.getText()).contains("Chain broken at event 6: the stored content no longer matches");
        browser.screenshot("verify-broken");
        // Every tab warns, not only the audit trail.
        browser.go("/#/negotiations/wage-2024?tab=over-time");
        assertThat(browser.find("#chain-warning [role=alert]").getText())
                .contains("the hash chain breaks at event 6");

        // The heatmap marks the cells whose statements were recorded from the break on (events 6 to 11)...
        browser.go("/#/negotiations/wage-2024?tab=positions");
        String union = "#matrix td[data-party=union][data-topic=pay-rise]";
        String employer = "#matrix td[data-party=employer][data-topic=pay-rise]";
        browser.waitUntil(d -> "true".equals(browser.find(union).getAttribute("data-unverified")));
        assertThat(browser.find(employer).getAttribute("data-unverified")).isEqualTo("true");
        assertThat(text(union)).contains("unverified");
        // ...and not those from before it (events 4 and 5).
        browser.go("/#/negotiations/wage-2024?tab=positions&asOf=2024-01-20");
        browser.waitUntil(d -> "union-2024-01-15".equals(browser.find(union).getAttribute("data-statement"))
                && !d.findElements(By.cssSelector(".legend li.unverified-key")).isEmpty());
        assertThat(browser.find(union).getAttribute("data-unverified")).isNull();
        assertThat(browser.find(employer).getAttribute("data-unverified")).isNull();
    }

    @Test
    void recordingAStatementThroughTheFormShowsItInTheHeatmap() {
        browser.go(PAGE + "?tab=record");
        recordStatement("tr", "ceasefire", "SUPPORTS", "Turkey offers to host a ceasefire commission", "06/02/2025");

        browser.waitUntil(d -> d.getCurrentUrl().contains("party=tr&topic=ceasefire"));
        assertThat(heatmap("today")).containsEntry("tr/ceasefire", "SUPPORTS");
        assertThat(text("#statement")).contains("Turkey offers to host a ceasefire commission", "effective 2 Jun 2025");
        assertThat(stances(node.get(N + "/positions").json())).containsEntry("tr/ceasefire", "SUPPORTS");
    }

    @Test
    void aRefusedFormShowsTheLedgersMessageAtTheFieldItNamesAndStoresNothing() {
        long before = node.get(N).json().at("/counts/statements").asLong();
        browser.go(PAGE + "?tab=record");
        browser.find("#record-statement [name='source.url']").sendKeys("not an address");
        WebElement form = recordStatement("ru", "ceasefire", "REJECTS", "   ", "");

        WebElement summaryError = browser.find("#record-statement [name=summary] + .field-error");
        assertThat(summaryError.getText()).isEqualTo("must not be blank");
        assertThat(browser.find("#record-statement [name='source.url'] + .field-error").getText())
                .isEqualTo("must be an http(s) URL");
        assertThat(form.findElement(By.name("summary")).getAttribute("aria-invalid")).isEqualTo("true");

        browser.find("#retract-statement [name=reason]").sendKeys("recorded twice");
        browser.find("#retract-statement button[type=submit]").click();
        assertThat(browser.find("#retract-statement [name=statementId] + .field-error").getText())
                .isEqualTo("must not be empty");
        assertThat(node.get(N).json().at("/counts/statements").asLong()).isEqualTo(before);
        assertThat(node.get(N).json().at("/counts/retractions").asLong()).isZero();
    }

    @Test
    void aReaderSeesNoRecordingFormsAndNoAdministration() {
        try (Browser reader = Browser.open(node)) {
            reader.signIn(LedgerNode.READER, LedgerNode.password(LedgerNode.READER));
            reader.go(PAGE + "?tab=record");
            reader.find("#matrix table");
            assertThat(reader.driver().findElements(By.cssSelector(".tabs a")))
                    .extracting(WebElement::getText).containsExactly("Positions", "Over time", "Timeline", "Audit trail");
            assertThat(reader.driver().findElements(By.cssSelector("form.command"))).isEmpty();
        }
    }

    @Test
    void aSecondBrowserSeesAStatementRecordedByTheFirstWithoutReloading() {
        try (Browser other = Browser.open(node)) {
            other.signIn(LedgerNode.READER, LedgerNode.password(LedgerNode.READER));
            other.go(PAGE);
            other.find("#matrix table");
            ((JavascriptExecutor) other.driver()).executeScript("window.notReloaded = true");
            int statements = node.get(N).json().at("/counts/statements").asInt();
            assertThat(other.find("#headline").getText()).contains(statements + " statements");

            browser.go(PAGE + "?tab=record");
            recordStatement("tr", "next-steps", "CONDITIONAL", "Turkey will host the next round if both sides agree",
                    "06/28/2025");

            other.waitUntil(d -> "CONDITIONAL".equals(other.find("#matrix td[data-party=tr][data-topic=next-steps]")
                    .getAttribute("data-stance")));
            assertThat(((JavascriptExecutor) other.driver())
                    .executeScript("return window.notReloaded === true")).isEqualTo(true);
            assertThat(other.find("#live").getText()).contains("Statement recorded (Turkey on Next steps) by anna");
            other.waitUntil(d -> other.find("#headline").getText().contains((statements + 1) + " statements"));
        }
    }

    /** Dates are written in the browser's language. */
    @Test
    void datesFollowTheBrowsersLanguage() {
        browser.go(PAGE);
        assertThat(browser.find("#headline").getText()).contains("opened 16 May 2025");
        try (Browser german = Browser.open(node, "de-DE")) {
            german.signIn(LedgerNode.READER, LedgerNode.password(LedgerNode.READER));
            german.go(PAGE);
            german.find("#matrix table");
            assertThat(german.find("#headline").getText()).contains("opened 16. Mai 2025");
        }
    }

    @Test
    void anAdminSeesTheViewsLagAndReplaysOneWithProgress() {
        try (Browser admin = Browser.open(node)) {
            admin.signIn(LedgerNode.ADMIN, LedgerNode.password(LedgerNode.ADMIN));
            admin.go(PAGE + "?tab=views");
            assertThat(admin.find("#views tr[data-view=positions] .lag").getText()).matches("\\d+");
            admin.find("#views tr[data-view=meetings] button").click();
            admin.waitUntil(d -> admin.find("#views-message").getText().startsWith("meetings is rebuilt"));
            assertThat(admin.errors()).isEmpty();
        }
    }

    @Test
    void aJsonLinesFileImportsWithAProgressBar(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("topics.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            lines.append("{\"path\":\"").append(N).append("/topics\",\"body\":{\"id\":\"imported-").append(i)
                    .append("\",\"title\":\"Imported topic ").append(i).append("\"}}\n");
        }
        lines.append("{\"path\":\"").append(N).append("/topics\",\"body\":{\"id\":\"bad topic\",\"title\":\"x\"}}\n");
        Files.writeString(file, lines);

        browser.go(PAGE + "?tab=record");
        browser.find("#import-file").sendKeys(file.toAbsolutePath().toString());
        new Select(browser.find("#import-on-error")).selectByValue("continue");
        browser.find("#import button[type=submit]").click();

        browser.waitUntil(d -> browser.find("#import-status").getText().startsWith("31 lines"));
        assertThat(browser.find("#import-status").getText()).isEqualTo("31 lines: 30 recorded, 0 already there, 1 refused.");
        assertThat(browser.find("#import-progress").getAttribute("value")).isEqualTo("31");
        assertThat(browser.find("#import-refusals").getText()).startsWith("line 31:");
        assertThat(node.get(N).json().at("/counts/topics").asInt()).isGreaterThanOrEqualTo(37);
    }

    /** Fills in the form "Record a statement" as a user types (the day as mm/dd/yyyy, or "" for none) and sends it. */
    private static WebElement recordStatement(String party, String topic, String stance, String summary, String day) {
        browser.waitUntil(d -> "false".equals(browser.find("#panel").getAttribute("aria-busy")));
        WebElement form = browser.find("#record-statement");
        select(form, "partyId", party);
        select(form, "topicId", topic);
        select(form, "stance", stance);
        form.findElement(By.name("summary")).sendKeys(summary);
        form.findElement(By.name("effectiveOn")).sendKeys(day);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return form;
    }

    private static void select(WebElement form, String name, String value) {
        new Select(form.findElement(By.name(name))).selectByValue(value);
    }

    private static int count(String css) {
        return browser.driver().findElements(By.cssSelector(css)).size();
    }

    /**
     * Waits for the matrix whose caption contains {@code caption}, and reads party/topic → stance of
     * each cell at one moment (a live update may redraw the matrix at any time).
     */
    @Test
    void recordsAMachineCodedShowWhatItCodedAndTheToggleLeavesThemOut() throws IOException {
        LedgerNode recorder = node.as(LedgerNode.RECORDER);
        assertThat(recorder.post("/api/negotiations", """
                {"id":"ru-ua-2018","title":"Russia and Ukraine, June 2018","openedOn":"2018-01-01"}""").status())
                .isEqualTo(201);
        byte[] icews;
        try (InputStream sample = getClass().getResourceAsStream("/eventdata/icews_events.2018.sample.tab")) {
            icews = sample.readAllBytes();
        }
        LedgerNode.Response imported = recorder.postForm("/api/negotiations/ru-ua-2018/event-data?dataset=icews",
                Map.of("file", icews));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        node.awaitViews();

        browser.go("/#/negotiations/ru-ua-2018?party=ru&topic=relations");
        assertThat(heatmap("today")).isEqualTo(stances(node.get("/api/negotiations/ru-ua-2018/positions").json()))
                .containsKeys("ru/relations", "ua/relations");
        assertThat(attributes("#matrix td[data-party=ru][data-topic=relations]", "data-coded")).containsExactly("true");
        String coded = text("#statement .coding");
        assertThat(coded).contains("Machine-coded by ICEWS", "CAMEO code", "Goldstein", "Actors as coded",
                "Towards", "Rows", "Batch");
        assertThat(texts("#history .version")).allMatch(version -> version.contains("machine-coded ("));
        browser.screenshot("machine-coded");

        browser.find("#machine-coded").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("machineCoded=exclude"));
        assertThat(heatmap("today")).isEmpty();
        assertThat(text("#cell")).contains("No position on this day.");
        browser.find("#machine-coded").click();
        browser.waitUntil(d -> !d.getCurrentUrl().contains("machineCoded"));
        assertThat(heatmap("today")).containsKeys("ru/relations", "ua/relations");
        backToTheList();
    }

    @Test
    void aRecorderImportsEventDataFromThePageWithADryRunFirstAndTakesTheBatchBackOut(@TempDir Path dir)
            throws IOException {
        assertThat(node.as(LedgerNode.RECORDER).post("/api/negotiations", """
                {"id":"events-page","title":"Event data from the page","openedOn":"2018-01-01"}""").status())
                .isEqualTo(201);
        node.awaitViews(); // opened outside the page: the page reads the negotiation without waiting for it
        Path icews = dir.resolve("events.2018.sample.tab");
        try (InputStream sample = getClass().getResourceAsStream("/eventdata/icews_events.2018.sample.tab")) {
            Files.copy(sample, icews);
        }
        browser.go("/#/negotiations/events-page?tab=record");
        browser.find("#event-file").sendKeys(icews.toString());
        new Select(browser.find("#event-dataset")).selectByValue("icews");
        browser.find("#event-data button[type=submit]").click();
        String dry = browser.waitUntil(d -> texts("#event-summary").stream().findFirst().orElse(null));
        assertThat(dry).contains("3705 rows read", "14 records would be recorded", "statement: 13", "meeting: 1");
        assertThat(node.get("/api/negotiations/events-page").json().at("/counts/statements").asLong()).isZero();

        // The dry run's report imports what it lists: the same file, sent again for real.
        assertThat(browser.find("#event-import-these").getText()).isEqualTo("Import these 14 records");
        browser.find("#event-import-these").click();
        String imported = browser.waitUntil(d -> texts("#event-summary").stream()
                .filter(text -> text.contains("recorded,")).findFirst().orElse(null));
        assertThat(imported).contains("14 recorded, 0 already there, 0 refused");
        node.awaitViews();
        assertThat(node.get("/api/negotiations/events-page").json().at("/counts/statements").asLong()).isEqualTo(13);
        browser.screenshot("event-data");

        browser.find("#event-retract-reason").sendKeys("tried the wrong file");
        browser.find("#event-retract button[type=submit]").click();
        browser.waitUntil(d -> text("#event-retract-status").contains("14 of 14 records retracted now"));
        node.awaitViews();
        assertThat(node.get("/api/negotiations/events-page/positions").json().get("positions")).isEmpty();
        backToTheList();
    }

    /**
     * Leaves another negotiation's page for the list: the next test's first look must not find the
     * same elements (the heatmap, the record form) on the page it is leaving.
     */
    private static void backToTheList() {
        browser.go("/#/");
        browser.find("#negotiations");
    }

    private static Map<String, String> heatmap(String caption) {
        browser.waitUntil(d -> browser.find("#panel").getAttribute("aria-busy").equals("false")
                && browser.find("#matrix caption").getText().contains(caption));
        Map<String, String> cells = new HashMap<>();
        for (String cell : attributes("#matrix td[data-party]", "data-party", "data-topic", "data-stance")) {
            String[] parts = cell.split("/");
            if (parts.length == 3 && !parts[2].isEmpty()) {
                cells.put(parts[0] + "/" + parts[1], parts[2]);
            }
        }
        return cells;
    }

    private static List<String> attributes(String css, String... names) {
        return browser.attributes(css, names);
    }

    private static String text(String css) {
        return browser.text(css);
    }

    private static List<String> texts(String css) {
        return browser.texts(css);
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
