package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes silent behind a TCP proxy while clients keep sending commands, then comes
 * back. During the outage commands fail within seconds with 503 and Retry-After, and health and
 * readiness say DOWN; afterwards the ledger recovers by itself, every command a client saw
 * accepted, or resent after an unknown outcome, is stored exactly once, and every view reaches
 * the head. Reduced: one outage of 8 s; full: outages of 20 s and 45 s.
 */
@Tag("reliability")
class OutageTest {

    private static final Duration FAILS_WITHIN = Duration.ofSeconds(10);
    private static final int CLIENTS = 4;

    @Test
    void commandsFailFastDuringAnOutageAndNothingIsLostOrDoubled() throws Exception {
        Map<String, Object> database = new HashMap<>(TestDatabase.freshSchema("ledger_outage_it"));
        URI target = URI.create(TestDatabase.URL.substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort())) {
            database.put("spring.datasource.url", ((String) database.get("spring.datasource.url"))
                    .replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + proxy.port()));
            database.put("ledger.database.read-timeout", "PT3S");
            try (LedgerNode node = LedgerNode.start(database)) {
                for (Istanbul.Post post : Istanbul.setUp()) {
                    assertThat(node.post(post.path(), post.body()).status()).isEqualTo(201);
                }
                List<Integer> outages = Reliability.full() ? List.of(20, 45) : List.of(8);
                int round = 0;
                for (int seconds : outages) {
                    outage(node, proxy, Duration.ofSeconds(seconds), round++);
                }
            }
        }
    }

    private static void outage(LedgerNode node, TcpProxy proxy, Duration length, int round) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Client>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String prefix = "r" + round + "-c" + c + "-";
            results.add(clients.submit(() -> new Client(node, prefix).run(running)));
        }
        Thread.sleep(1000);

        proxy.silence();
        long silencedAt = System.nanoTime();
        LedgerNode.Response health = node.get("/actuator/health");
        while (health.status() == 200 && System.nanoTime() - silencedAt < FAILS_WITHIN.toNanos()) {
            health = node.get("/actuator/health");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - silencedAt)).as("health says DOWN").isLessThan(FAILS_WITHIN);
        assertThat(health.status()).as(health.toString()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(node.get("/actuator/health/readiness").status()).isEqualTo(503);

        long sent = System.nanoTime();
        LedgerNode.Response command = node.post(Istanbul.N + "/statements", statement("r" + round + "-probe"));
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(FAILS_WITHIN);
        assertThat(command.status()).as(command.toString()).isEqualTo(503);
        assertThat(command.json().get("type").asText()).isEqualTo("/problems/storage-unavailable");
        assertThat(command.json().get("outcome").asText()).isEqualTo("not-recorded");
        assertThat(command.header("Retry-After")).isNotNull();
        // An import in the outage: each line answered as the command was, nothing recorded.
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            lines.append("{\"path\":\"").append(Istanbul.N).append("/statements\",\"body\":")
                    .append(statement("r" + round + "-import-" + i).replace("\n", "")).append("}\n");
        }
        List<JsonNode> imported = node.importLines("?onError=continue", lines.toString()).jsonLines();
        assertThat(imported.subList(0, 3)).allSatisfy(line -> {
            assertThat(line.at("/problem/type").asText()).isEqualTo("/problems/storage-unavailable");
            assertThat(line.at("/problem/outcome").asText()).isEqualTo("not-recorded");
        });

        long left = length.toNanos() - (System.nanoTime() - silencedAt);
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
        proxy.restore();

        awaitUp(node);
        running.set(false);
        List<String> accepted = new ArrayList<>();
        for (Future<Client> result : results) {
            Client client = result.get();
            assertThat(client.unexpected).isEmpty();
            accepted.addAll(client.accepted);
        }
        clients.shutdown();
        assertThat(accepted).isNotEmpty();
        for (String id : accepted) {
            assertThat(node.jdbc().queryForObject("SELECT COUNT(*) FROM domainevententry WHERE "
                    + "aggregateidentifier = 'ru-ua-2025' AND payloadtype LIKE '%StatementRecorded' "
                    + "AND convert_from(payload, 'UTF8') LIKE ?", Long.class, "%\"" + id + "\"%")).as(id).isEqualTo(1);
        }
        node.awaitViews();
        JsonNode listing = node.get("/api/admin/projections").json();
        for (JsonNode view : listing.get("projections")) {
            assertThat(view.get("state").asText()).as(view.get("name").asText()).isEqualTo("UP");
        }
    }

    private static void awaitUp(LedgerNode node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (node.get("/actuator/health").status() != 200) {
            assertThat(System.nanoTime()).as("health is UP again within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static String statement(String id) {
        return """
                {"id":"%s","partyId":"ua","topicId":"ceasefire","stance":"SUPPORTS","summary":"s",
                 "effectiveOn":"2025-06-27"}""".formatted(id);
    }

    /**
     * A client that records statements one after the other until told to stop; a 503 whose
     * outcome is unknown is resent with the same id until it is answered, as the answer asks.
     */
    private static final class Client {
        private final LedgerNode node;
        private final String prefix;
        private final List<String> accepted = new ArrayList<>();
        private final List<String> unexpected = new ArrayList<>();

        Client(LedgerNode node, String prefix) {
            this.node = node;
            this.prefix = prefix;
        }

        Client run(AtomicBoolean running) throws InterruptedException {
            for (int i = 0; running.get(); i++) {
                String id = prefix + i;
                while (true) {
                    LedgerNode.Response answer = node.post(Istanbul.N + "/statements", statement(id));
                    if (answer.status() == 201 || answer.status() == 200) {
                        accepted.add(id);
                        break;
                    }
                    if (answer.status() != 503) {
                        unexpected.add(id + " " + answer);
                        break;
                    }
                    if ("not-recorded".equals(answer.json().path("outcome").asText()) && !running.get()) {
                        break;
                    }
                    Thread.sleep(200);
                }
            }
            return this;
        }
    }
}
