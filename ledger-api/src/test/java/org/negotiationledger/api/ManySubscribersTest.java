package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many open pages on one node: a node with four places for subscribers catching up serves two
 * hundred live ones, each sent every new event once, in order, by the node's one follower of the
 * store; the metrics tell the live ones apart.
 */
class ManySubscribersTest {

    private static final int PAGES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoHundredLiveSubscribersShareOneFollowerOfTheStore() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshSchema("ledger_many_subscribers_it"));
        properties.put("ledger.events.max-subscribers", "4");
        properties.put("ledger.events.heartbeat", "PT1S");
        try (LedgerNode node = LedgerNode.start(properties)) {
            for (Istanbul.Post post : Istanbul.setUp()) {
                assertThat(node.post(post.path(), post.body()).status()).isEqualTo(201);
            }
            HttpClient http = HttpClient.newHttpClient();
            List<BufferedReader> pages = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                BufferedReader page = subscribe(http, node);
                // Each catches up on its own, then gives its place back to the next.
                while (!JSON.readTree(page.readLine()).has("caughtUp")) {
                    continue;
                }
                pages.add(page);
            }
            // The last one says it has caught up a moment before it joins and gives its place back.
            assertThat(node.awaitMetric("ledger_events_subscribers_live", PAGES, Duration.ofSeconds(10)))
                    .isEqualTo(PAGES);
            assertThat(node.awaitMetric("ledger_events_subscribers", PAGES, Duration.ofSeconds(10))).isEqualTo(PAGES);

            for (String id : List.of("live-1", "live-2", "live-3")) {
                assertThat(node.post(Istanbul.N + "/statements", """
                        {"id":"%s","partyId":"ua","delegateId":"umerov","topicId":"ceasefire","stance":"SUPPORTS",
                         "summary":"Said with many pages open","effectiveOn":"2025-06-27"}""".formatted(id))
                        .status()).isEqualTo(201);
            }
            ExecutorService readers = Executors.newFixedThreadPool(16);
            List<Future<List<String>>> received = new ArrayList<>();
            for (BufferedReader page : pages) {
                received.add(readers.submit(() -> statements(page, 3)));
            }
            for (Future<List<String>> each : received) {
                assertThat(each.get(30, TimeUnit.SECONDS)).containsExactly("live-1", "live-2", "live-3");
            }
            readers.shutdownNow();
            for (BufferedReader page : pages) {
                page.close();
            }
        }
    }

    private static BufferedReader subscribe(HttpClient http, LedgerNode node) {
        try {
            HttpResponse<java.io.InputStream> answer = http.send(HttpRequest.newBuilder(
                            URI.create(node.url() + "/api/events?type=StatementRecorded"))
                    .header("Authorization", node.authorization()).header("Accept", "application/x-ndjson")
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(answer.statusCode()).isEqualTo(200);
            return new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the next {@code count} statements a page is sent, skipping heartbeats. */
    private static List<String> statements(BufferedReader page, int count) throws IOException {
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            JsonNode line = JSON.readTree(page.readLine());
            if ("StatementRecorded".equals(line.path("type").asText())) {
                ids.add(line.at("/payload/statementId").asText());
            }
        }
        return ids;
    }
}
