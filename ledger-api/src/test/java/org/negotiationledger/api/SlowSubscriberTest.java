package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber of the event stream that stops reading holds its place only until the server's
 * write to it times out: then it is cut off, its place is free for another subscriber, and the
 * ledger goes on answering. The node here follows one subscriber at most, so that the place
 * taken and freed shows in who else may subscribe.
 */
class SlowSubscriberTest {

    private static final String N = "/api/negotiations/slow";
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("root:root-password".getBytes(StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSubscriberThatStopsReadingIsCutOffAndItsPlaceGoesToAnother() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshSchema("ledger_slow_subscriber_it"));
        properties.put("ledger.events.max-subscribers", "1");
        properties.put("ledger.events.heartbeat", "PT0.2S");
        properties.put("server.jetty.connection-idle-timeout", "2s");
        try (LedgerNode node = LedgerNode.start(properties)) {
            // Some megabytes of events: more than the socket buffers between server and client hold.
            List<JsonNode> answer = node.importLines("?report=refused",
                    manyLongStatements(400)).jsonLines();
            assertThat(answer.get(answer.size() - 1).at("/summary/accepted").asInt()).isEqualTo(403);
            String port = node.url().substring(node.url().lastIndexOf(':') + 1);
            try (Socket stalled = new Socket()) {
                stalled.setReceiveBufferSize(2048);
                stalled.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)));
                OutputStream out = stalled.getOutputStream();
                out.write(("GET /api/events?after=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + ADMIN
                        + "\r\nAccept: application/x-ndjson\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // It never reads. While it holds the one place, another subscriber is turned away...
                assertThat(node.awaitMetric("ledger_events_subscribers", 1, Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(subscribe(node).statusCode()).isEqualTo(503);
                assertThat(node.get(N + "/verify").json().get("intact").asBoolean()).isTrue();
                // ...until the server's write to it times out and it is cut off.
                assertThat(node.awaitMetric("ledger_events_subscribers", 0, Duration.ofSeconds(60))).isEqualTo(0);
                HttpResponse<InputStream> next = subscribe(node);
                assertThat(next.statusCode()).isEqualTo(200);
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(next.body(),
                        StandardCharsets.UTF_8))) {
                    assertThat(lines.readLine()).contains("\"type\":\"NegotiationOpened\"");
                }
            }
        }
    }

    private static String manyLongStatements(int count) {
        StringBuilder lines = new StringBuilder("""
                {"path":"/api/negotiations","body":{"id":"slow","title":"Slow","openedOn":"2025-05-16"}}
                {"path":"/api/negotiations/slow/parties","body":{"id":"ua","name":"Ukraine","role":"PARTY"}}
                {"path":"/api/negotiations/slow/topics","body":{"id":"t","title":"Topic"}}
                """);
        String summary = "a long account of what was said ".repeat(500);
        for (int i = 0; i < count; i++) {
            lines.append("{\"path\":\"/api/negotiations/slow/statements\",\"body\":{\"id\":\"s").append(i)
                    .append("\",\"partyId\":\"ua\",\"topicId\":\"t\",\"stance\":\"SUPPORTS\",\"summary\":\"")
                    .append(summary).append("\",\"effectiveOn\":\"2025-05-20\"}}\n");
        }
        return lines.toString();
    }

    private HttpResponse<InputStream> subscribe(LedgerNode node) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(node.url() + "/api/events?after=0"))
                    .header("Authorization", ADMIN).header("Accept", "application/x-ndjson")
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
