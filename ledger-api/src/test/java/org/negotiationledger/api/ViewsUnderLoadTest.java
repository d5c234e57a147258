package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL, many clients on several negotiations at once: the load under which
 * events commit out of order and the audit view used to stop for good. Every view on both nodes
 * reaches the head with nothing set aside, the audit lists every stored event once at its own
 * position, and both nodes answer alike. Reduced: 8 clients × 25 commands; full: 16 × 200.
 */
@Tag("reliability")
class ViewsUnderLoadTest {

    private static final int NEGOTIATIONS = 4;

    @Test
    void everyViewOnBothNodesReachesTheHead() throws Exception {
        Map<String, Object> database = TestDatabase.freshSchema("ledger_views_load_it");
        int clients = Reliability.scaled(8, 16);
        int commands = Reliability.scaled(25, 200);
        try (LedgerNode first = LedgerNode.start(database); LedgerNode second = LedgerNode.start(database)) {
            for (int n = 0; n < NEGOTIATIONS; n++) {
                String path = "/api/negotiations/load-" + n;
                assertThat(first.post("/api/negotiations", """
                        {"id":"load-%d","title":"Load %d","openedOn":"2025-01-01"}""".formatted(n, n)).status())
                        .isEqualTo(201);
                assertThat(first.post(path + "/parties", "{\"id\":\"a\",\"name\":\"A\",\"role\":\"PARTY\"}")
                        .status()).isEqualTo(201);
                assertThat(first.post(path + "/topics", "{\"id\":\"t\",\"title\":\"T\"}").status()).isEqualTo(201);
            }

            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                LedgerNode node = c % 2 == 0 ? first : second;
                int client = c;
                results.add(pool.submit(() -> {
                    List<String> unexpected = new ArrayList<>();
                    for (int i = 0; i < commands; i++) {
                        String path = "/api/negotiations/load-" + ((client + i) % NEGOTIATIONS);
                        LedgerNode.Response answer = i % 5 == 4
                                ? node.post(path + "/meetings", """
                                        {"id":"m-%d-%d","heldOn":"2025-02-01","level":"TECHNICAL","partyIds":["a"]}"""
                                        .formatted(client, i))
                                : node.post(path + "/statements", """
                                        {"id":"s-%d-%d","partyId":"a","topicId":"t","stance":"UNDECIDED",
                                         "summary":"client %d says %d","effectiveOn":"2025-02-01"}"""
                                        .formatted(client, i, client, i));
                        if (answer.status() != 201) {
                            unexpected.add(answer.toString());
                        }
                    }
                    return unexpected;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEmpty();
            }
            pool.shutdown();

            List<Long> stored = first.jdbc().queryForList("SELECT globalindex FROM domainevententry "
                    + "ORDER BY globalindex", Long.class);
            assertThat(stored).hasSize(3 * NEGOTIATIONS + clients * commands);
            for (LedgerNode node : new LedgerNode[]{first, second}) {
                node.awaitViews();
                for (JsonNode view : node.get("/api/admin/projections").json().get("projections")) {
                    assertThat(view.get("state").asText()).as(view.get("name").asText()).isEqualTo("UP");
                    assertThat(view.get("deadLetters").asLong()).isZero();
                }
                assertThat(auditPositions(node)).isEqualTo(stored);
            }
            long last = stored.get(stored.size() - 1);
            for (int n = 0; n < NEGOTIATIONS; n++) {
                String path = "/api/negotiations/load-" + n;
                for (String view : new String[]{"", "/positions", "/meetings", "/positions/a/t/history"}) {
                    String read = path + view + "?waitFor=" + last;
                    assertThat(second.get(read).json()).as(read).isEqualTo(first.get(read).json());
                }
            }
        }
    }

    /** Every position the audit lists across negotiations, page after page. */
    private static List<Long> auditPositions(LedgerNode node) {
        List<Long> positions = new ArrayList<>();
        String page = "/api/audit?limit=1000";
        while (page != null) {
            JsonNode answer = node.get(page).json();
            answer.get("entries").forEach(entry -> positions.add(entry.get("position").asLong()));
            page = answer.hasNonNull("next") ? answer.get("next").asText() : null;
        }
        return positions;
    }
}
