package org.negotiationledger.api;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node with open event streams stops at once and cleanly: every subscriber gets a last frame
 * with its cursor and its answer ends, the node is down within 5 s (a container runtime waits 10 s
 * before it kills), and nothing in the log says ERROR, the embedded database included.
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("reliability")
class ShutdownTest {

    private static final int SUBSCRIBERS = 30;

    @Test
    void aNodeWithThirtySubscribersStopsWithinFiveSecondsAndSaysGoodbyeToEach(@TempDir Path dataDir,
                                                                               CapturedOutput output)
            throws Exception {
        LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString()));
        assertThat(node.post("/api/negotiations", """
                {"id":"stopping","title":"Stopping","openedOn":"2025-05-16"}""").status()).isEqualTo(201);
        HttpClient http = HttpClient.newHttpClient();
        String authorization = node.authorization();
        List<CompletableFuture<List<String>>> streams = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            boolean sse = i % 2 == 0;
            HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + "/api/events?after=0"))
                    .header("Accept", sse ? "text/event-stream" : "application/x-ndjson")
                    .header("Authorization", authorization).build();
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            streams.add(CompletableFuture.supplyAsync(() -> {
                try (Stream<String> lines = response.body()) {
                    return lines.toList();
                }
            }));
        }
        node.awaitViews();
        Thread.sleep(500);  // every subscriber has had its first event
        int logBefore = output.getOut().length();

        long started = System.nanoTime();
        node.close();
        Duration stopping = Duration.ofNanos(System.nanoTime() - started);

        assertThat(stopping).as("the node stops at once").isLessThan(Duration.ofSeconds(5));
        for (CompletableFuture<List<String>> stream : streams) {
            List<String> lines = stream.get(5, TimeUnit.SECONDS);
            assertThat(lines).as("the stream's lines").anyMatch(line -> line.contains("\"shutdown\":true")
                    && line.contains("\"cursor\":\"1\""));
        }
        String log = output.getOut().substring(logBefore);
        assertThat(log).doesNotContain(" ERROR ").doesNotContain(" WARN ");
    }
}
