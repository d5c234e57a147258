package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view that is a table answers in CSV when asked (Accept: text/csv, or ?format=csv): read
 * back by a CSV library, it holds the same rows as the JSON answer.
 */
class CsvTest {

    private static final String N = "/api/negotiations/ru-ua-2025";
    private static final CsvMapper CSV = new CsvMapper();
    private static LedgerNode node;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_csv_it"));
        assertThat(node.importLines("?report=refused", IstanbulExampleTest.example()).json().at("/summary/refused")
                .asInt()).isZero();
        assertThat(node.post(N + "/statements", """
                {"id":"tricky","partyId":"ru","topicId":"ceasefire","stance":"PROPOSES",
                 "summary":"=1+1, \\"quoted\\",\\nsecond line","offer":{"min":24,"max":48,"unit":"hours"},
                 "effectiveOn":"2025-06-02"}""").status()).isEqualTo(201);
        node.awaitViews();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static List<Map<String, String>> csv(String path) throws IOException {
        LedgerNode.Response response = node.get(path, "Accept", "text/csv");
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.body()).contains("\r\n");
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(response.body())) {
            return rows.readAll();
        }
    }

    private static List<JsonNode> json(String path, String list) {
        return StreamSupport.stream(node.get(path).json().get(list).spliterator(), false).toList();
    }

    @Test
    void theMatrixHoldsTheSameCellsAsItsJson() throws IOException {
        List<Map<String, String>> rows = csv(N + "/positions");
        List<JsonNode> cells = json(N + "/positions", "positions");

        assertThat(rows).extracting(row -> row.get("partyId") + "/" + row.get("topicId") + "=" + row.get("statementId"))
                .isEqualTo(cells.stream().map(c -> c.get("partyId").asText() + "/" + c.get("topicId").asText() + "="
                        + c.get("statementId").asText()).toList());
        Map<String, String> tricky = rows.stream().filter(row -> row.get("statementId").equals("tricky")).findFirst()
                .orElseThrow();
        assertThat(tricky.get("summary")).isEqualTo("'=1+1, \"quoted\",\nsecond line");
        assertThat(tricky.get("offerMin")).isEqualTo("24");
        assertThat(tricky.get("offerMax")).isEqualTo("48");
        assertThat(tricky.get("offerValue")).isEmpty();
        assertThat(csv(N + "/positions?asOf=2025-05-20")).hasSize(json(N + "/positions?asOf=2025-05-20", "positions")
                .size());
    }

    @Test
    void everyTableViewAnswersInCsvWithTheRowsOfItsJson() throws IOException {
        Map<String, String> tables = Map.of(N + "/positions/ua/leaders-meeting/history", "entries",
                N + "/changes?from=2025-05-20", "changes", N + "/meetings", "meetings", N + "/exchanges", "exchanges",
                N + "/outcomes", "outcomes", N + "/audit?limit=20", "entries");
        for (Map.Entry<String, String> table : tables.entrySet()) {
            assertThat(csv(table.getKey())).as(table.getKey()).hasSize(json(table.getKey(), table.getValue()).size())
                    .isNotEmpty();
        }
        assertThat(csv(N + "/outcomes")).extracting(row -> row.get("outcomeId") + " " + row.get("partyIds"))
                .contains("no-ceasefire-2025-05-16 ua;ru");
        assertThat(csv(N + "/meetings").get(0).get("statementIds")).isEqualTo("russia-sends-low-level-delegation");
        assertThat(csv(N + "/audit?limit=20").get(0).get("type")).isEqualTo("NegotiationOpened");
    }

    @Test
    void aLinkAsksForCsvWithFormatAndProblemsStayJson() {
        LedgerNode.Response link = node.get(N + "/outcomes?format=csv");
        assertThat(link.status()).isEqualTo(200);
        assertThat(link.body()).startsWith("outcomeId,kind,topicIds");

        LedgerNode.Response missing = node.get("/api/negotiations/nothing/positions", "Accept", "text/csv");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(node.get("/api/negotiations").header("Content-Type")).startsWith("application/json");
    }

    @Test
    void aFormatOrAcceptAViewCannotServeIsRefusedNamingWhatItCan() {
        LedgerNode.Response xlsx = node.get(N + "/positions?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(400);
        assertThat(xlsx.json().get("detail").asText()).contains("format").contains("must be csv or json, not 'xlsx'");

        LedgerNode.Response noTable = node.get(N + "?format=csv");
        assertThat(noTable.status()).isEqualTo(400);
        assertThat(noTable.json().get("detail").asText()).contains("answers in JSON only")
                .contains("/api/negotiations/{negotiationId}/positions").contains("/api/negotiations/{negotiationId}/audit");

        LedgerNode.Response problem = node.get(N + "/positions", "Accept", "application/problem+json");
        assertThat(problem.status()).as("a view is never labelled a problem").isEqualTo(406);
        assertThat(problem.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(problem.json().get("detail").asText()).contains("answers in application/json or text/csv");
        LedgerNode.Response xml = node.get(N, "Accept", "application/xml");
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.json().get("detail").asText()).contains("answers in application/json;");
        assertThat(node.get(N, "Accept", "text/csv").status()).isEqualTo(406);

        assertThat(node.get(N + "/positions", "Accept", "*/*").status()).isEqualTo(200);
        assertThat(node.get(N + "/positions", "Accept", "text/html,application/xml;q=0.9,*/*;q=0.8").header(
                "Content-Type")).startsWith("application/json");
    }

    /** Each CSV view has a path of its own, …/positions.csv, answering as …/positions?format=csv does. */
    @Test
    void everyCsvViewHasADotCsvPathWithTheSameAnswer() {
        List<String> views = List.of(N + "/positions", N + "/positions?asOf=2025-05-20", N + "/positions/dyads",
                N + "/positions/ua/leaders-meeting/history", N + "/changes?from=2025-05-20", N + "/linkage",
                N + "/packages", N + "/outcomes", N + "/meetings", N + "/exchanges", N + "/agreements", N + "/bodies",
                N + "/accounts", N + "/audit?limit=5", "/api/audit?limit=5", N + "/outcomes?bom=true");
        for (String view : views) {
            String[] pathAndQuery = view.split("\\?", 2);
            String download = pathAndQuery[0] + ".csv" + (pathAndQuery.length > 1 ? "?" + pathAndQuery[1] : "");
            LedgerNode.Response viaFormat = node.get(view + (view.contains("?") ? "&" : "?") + "format=csv");
            LedgerNode.Response viaPath = node.get(download);
            assertThat(viaPath.status()).as(download + ": " + viaPath.body()).isEqualTo(200);
            assertThat(viaPath.header("Content-Type")).as(download).isEqualTo("text/csv;charset=UTF-8");
            assertThat(viaPath.header("Content-Disposition")).as(download)
                    .isEqualTo(viaFormat.header("Content-Disposition"));
            assertThat(viaPath.body()).as(download).isEqualTo(viaFormat.body());
        }
        LedgerNode.Response misspelt = node.get(N + "/positions.csv?asoff=2025-05-20");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.json().get("type").asText()).isEqualTo("/problems/unknown-parameter");
        LedgerNode.Response twice = node.get(N + "/positions.csv?format=json");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("detail").asText()).contains("leave format out");
        assertThat(node.get(N + "/overview.csv").status()).as("a view without CSV has no .csv path").isEqualTo(404);
        assertThat(node.as(null, null).get(N + "/positions.csv").status()).isEqualTo(401);
    }

    @Test
    void aDownloadIsNamedAfterItsViewAndMayBeginWithAByteOrderMarkForSpreadsheets() {
        LedgerNode.Response plain = node.get(N + "/positions/ua/leaders-meeting/history?format=csv");
        assertThat(plain.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"negotiations-ru-ua-2025-positions-ua-leaders-meeting-history.csv\"");
        assertThat(plain.body()).startsWith("statementId,");

        LedgerNode.Response marked = node.get(N + "/outcomes?format=csv&bom=true");
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.body()).startsWith("\uFEFFoutcomeId,kind,");
        assertThat(node.get(N + "/outcomes?format=csv&bom=false").body()).startsWith("outcomeId,");
        LedgerNode.Response wrong = node.get(N + "/outcomes?format=csv&bom=yes");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asText()).contains("bom").contains("true or false");
        assertThat(node.get(N + "/outcomes").header("Content-Disposition")).as("JSON is not a download").isNull();
    }
}
