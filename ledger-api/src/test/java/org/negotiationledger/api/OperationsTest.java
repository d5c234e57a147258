package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

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
            assertThat(node.as(LedgerNode.RECORDER).importLines("", """
                    {"path":"/api/negotiations/ru-ua-2025/topics","body":{"id":"grain","title":"Grain"}}
                    """, "X-Request-Id", "import-request-42").status()).isEqualTo(200);
            assertThat(node.as(LedgerNode.READER, "wrong").get("/api/negotiations").status()).isEqualTo(401);
            node.awaitViews();

            LedgerNode.Response metrics = node.get("/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains(
                    "ledger_commands_seconds_count{command=\"RegisterParty\",outcome=\"recorded\"",
                    "ledger_commands_seconds_count{command=\"RegisterParty\",outcome=\"repeated\"",
                    "ledger_commands_seconds_count{command=\"RegisterParty\",outcome=\"refused\"",
                    "ledger_view_lag{view=\"positions\"} 0",
                    "ledger_import_lines_total{status=\"accepted\"} 1",
                    "ledger_logins_failed_total 1");
            assertThat(node.as(LedgerNode.READER).get("/actuator/prometheus").status()).isEqualTo(403);
            assertThat(node.as(null, null).get("/actuator/prometheus").status()).isEqualTo(401);

            JsonNode health = node.get("/actuator/health").json();
            assertThat(health.at("/components/database/status").asText()).isEqualTo("UP");
            assertThat(node.as(null, null).get("/actuator/health").json().at("/components/database/details")
                    .isMissingNode()).isTrue();

            assertThat(output.getAll()).containsPattern("\\[import-request-42\\] \\[anna\\] .*Imported 1 lines: 1 "
                    + "recorded");
        }
    }
}
