package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees: Prometheus metrics of commands, views, imports and failed logins (for
 * admins only), the database's state in the health for admins, and log lines that name the
 * request and the user.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    @Test
    void metricsHealthAndLogsTellAnOperatorWhatHappened(CapturedOutput output) {
        try (LedgerNode node = LedgerNode.start(TestDatabase.freshSchema("ledger_operations_it"))) {
            for (Istanbul.Post post : Istanbul.setUp()) {
                assertThat(node.post(post.path(), post.body()).status()).isEqualTo(201);
            }
            Istanbul.Post party = Istanbul.setUp().get(1);
            assertThat(node.post(party.path(), party.body()).status()).isEqualTo(200);
            assertThat(node.post(Istanbul.N + "/parties", "{\"id\":\"xx\",\"name\":\"X\",\"role\":\"PARTY\","
                    + "\"joinedOn\":\"2025-01-01\"}").status()).isEqualTo(422);
            assertThat(node.post("/api/negotiations/no-such/parties", "{\"id\":\"xx\",\"name\":\"X\","
                    + "\"role\":\"PARTY\"}").status()).isEqualTo(404);
            assertThat(node.post(Istanbul.N + "/parties", "{\"id\":\"yy\",\"name\":\"Y\",\"role\":\"PARTY\"}",
                    "If-Match", "\"1\"").status()).isEqualTo(409);
            assertThat(node.post(Istanbul.N + "/topics", "{\"id\":\"t\",\"titel\":\"T\"}").status()).isEqualTo(400);
            assertThat(node.as(LedgerNode.RECORDER).importLines("", """
                    {"path":"/api/negotiations/ru-ua-2025/topics","body":{"id":"grain","title":"Grain"}}
                    """, "X-Request-Id", "import-request-42").status()).isEqualTo(200);
            assertThat(node.as(LedgerNode.READER, "wrong").get("/api/negotiations").status()).isEqualTo(401);
            assertThat(node.get("/api/negotiations").status()).isEqualTo(200);
            node.awaitViews();

            LedgerNode.Response metrics = node.get("/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains(
                    "ledger_commands_seconds_count{command=\"RegisterParty\",outcome=\"recorded\"",
                    "ledger_commands_seconds_count{command=\"RegisterParty\",outcome=\"repeated\"",
                    "ledger_commands_seconds_count{command=\"RegisterParty\",outcome=\"refused\"",
                    "ledger_view_lag{view=\"positions\"} 0",
                    "ledger_import_lines_total{status=\"accepted\"} 1",
                    "ledger_logins_failed_total 1",
                    // Histograms with buckets, so that quantiles can be combined across nodes.
                    "ledger_commands_seconds_bucket{command=\"RegisterParty\",outcome=\"recorded\",le=\"0.1\"}",
                    "http_server_requests_seconds_bucket{error=\"none\",exception=\"none\",method=\"GET\","
                            + "outcome=\"SUCCESS\",status=\"200\",uri=\"/api/negotiations\",le=\"0.1\"}");
            // An unknown negotiation and a stale version are refusals, as the client is told: none failed.
            assertThat(metrics.body()).doesNotContain("outcome=\"failed\"");
            assertThat(node.as(LedgerNode.READER).get("/actuator/prometheus").status()).isEqualTo(403);
            assertThat(node.as(null, null).get("/actuator/prometheus").status()).isEqualTo(401);

            JsonNode health = node.get("/actuator/health").json();
            assertThat(health.at("/components/database/status").asText()).isEqualTo("UP");
            JsonNode anonymous = node.as(null, null).get("/actuator/health").json();
            assertThat(anonymous.get("status").asText()).isEqualTo("UP");
            assertThat(anonymous.has("components")).as("components are shown to admins only").isFalse();
            assertThat(node.as(LedgerNode.READER).get("/actuator/health").json().has("components")).isFalse();

            assertThat(output.getAll()).containsPattern("\\[import-request-42\\] \\[anna\\] .*Imported 1 lines: 1 "
                    + "recorded");
            // Refusals are the client's to mend: one line each at INFO, no stack trace, nothing at WARN or ERROR.
            assertThat(output.getAll()).containsPattern("INFO .*Refused POST /api/negotiations/ru-ua-2025/parties: "
                    + "422 the date 2025-01-01")
                    .containsPattern("INFO .*Refused POST /api/negotiations/no-such/parties: 404 negotiation 'no-such'")
                    .containsPattern("INFO .*Refused POST /api/negotiations/ru-ua-2025/topics: 400 unknown field "
                            + "'titel'")
                    .doesNotContain("AggregateNotFoundException", "\tat org.");
            assertThat(output.getAll().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")))
                    .as("warnings and errors").noneMatch(line -> line.contains("no-such") || line.contains("failed"));

            // Last, as it is skipped where promtool is missing (never in CI).
            assertThat(Promtool.check(metrics.body())).as("promtool check metrics").isEmpty();
        }
    }

    /** In a process of its own: the logging is set up once per JVM, and this test's format is not the others'. */
    @Test
    void jsonLogsCarryTheRequestIdAndUserInEcsFields(@TempDir Path logs) throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshSchema("ledger_operations_ecs_it"));
        properties.put("logging.structured.format.console", "ecs");
        Path log = logs.resolve("ledger.log");
        try (LedgerProcess ledger = LedgerProcess.start(properties, LedgerProcess.freePort(), log)) {
            assertThat(ledger.node().post("/api/negotiations/no-such/topics", "{\"id\":\"t\",\"title\":\"T\"}",
                    "X-Request-Id", "ecs-request-7").status()).isEqualTo(404);
        }
        String line = Files.readAllLines(log).stream().filter(l -> l.contains("Refused POST /api/negotiations/no-such"))
                .findFirst().orElseThrow();
        JsonNode logged = new ObjectMapper().readTree(line);
        assertThat(logged.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(logged.at("/http/request/id").asText()).isEqualTo("ecs-request-7");
        assertThat(logged.at("/user/name").asText()).isEqualTo(LedgerNode.ADMIN);
        assertThat(logged.has("error")).as("no stack trace").isFalse();
    }
}
