package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event stream over real HTTP on two nodes sharing one PostgreSQL: a subscriber catches up
 * from the first event, resumes after a disconnect from its last id without missing or repeating
 * an event, receives live an event appended on the other node, and keeps only what it filters.
 */
class EventStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LedgerNode writer;
    private static LedgerNode reader;

    @BeforeAll
    static void start() {
        Map<String, Object> database = new HashMap<>(TestDatabase.freshSchema("ledger_event_stream_it"));
        database.put("ledger.events.heartbeat", "PT0.5S");
        writer = LedgerNode.start(database);
        reader = LedgerNode.start(database);
        for (Istanbul.Post post : Istanbul.setUp()) {
            assertThat(writer.post(post.path(), post.body()).status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        for (LedgerNode node : new LedgerNode[]{writer, reader}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static List<Long> storedPositions() {
        return writer.jdbc().queryForList("SELECT globalindex FROM domainevententry ORDER BY globalindex", Long.class);
    }

    @Test
    void aSubscriberCatchesUpFromTheFirstEventInTheStoresOrder() {
        List<Long> stored = storedPositions();
        try (Subscriber lines = Subscriber.lines(reader, "/api/events?after=0", null)) {
            List<JsonNode> events = lines.events(stored.size());

            assertThat(events).extracting(e -> e.get("position").asLong()).isEqualTo(stored);
            JsonNode first = events.get(0);
            assertThat(first.get("type").asText()).isEqualTo("NegotiationOpened");
            assertThat(first.get("negotiationId").asText()).isEqualTo("ru-ua-2025");
            assertThat(first.get("sequence").asLong()).isZero();
            assertThat(first.get("recordedBy").asText()).isEqualTo(LedgerNode.ADMIN);
            assertThat(first.at("/payload/title").asText()).isEqualTo("Russia–Ukraine talks 2025");
            assertThat(first.get("cursor").asText()).isEqualTo(String.valueOf(stored.get(0)));
        }
    }

    @Test
    void theStreamNamesEachEventByItsTypeAndSaysWhenItHasCaughtUp() {
        List<Long> stored = storedPositions();
        try (Subscriber sse = Subscriber.serverSentEvents(reader, "/api/events?after=0", null)) {
            List<JsonNode> frames = sse.untilCaughtUp();
            assertThat(frames).hasSize(stored.size() + 1);
            JsonNode caughtUp = frames.get(frames.size() - 1);
            assertThat(caughtUp.get("cursor").asText()).isEqualTo(frames.get(frames.size() - 2).get("cursor").asText());
            assertThat(sse.names()).hasSize(stored.size() + 1).startsWith("NegotiationOpened", "PartyRegistered")
                    .endsWith("caught-up");
            assertThat(sse.names().subList(0, stored.size())).isEqualTo(frames.subList(0, stored.size()).stream()
                    .map(event -> event.get("type").asText()).toList());
            assertThat(sse.retry()).as("how long an EventSource waits to reconnect").isEqualTo("3000");
        }
        try (Subscriber lines = Subscriber.lines(reader, "/api/events?after=" + stored.get(stored.size() - 1), null)) {
            JsonNode atTheHead = lines.untilCaughtUp().get(0);
            assertThat(atTheHead.get("caughtUp").asBoolean()).as("nothing to catch up").isTrue();
            assertThat(atTheHead.get("cursor").asText()).isEqualTo(String.valueOf(stored.get(stored.size() - 1)));
        }
    }

    /** With untilCaughtUp=true the answer ends after the catch-up: a client that reads an answer whole gets it all. */
    @Test
    void untilCaughtUpEndsTheAnswerOnceTheStoredEventsAreSent() throws Exception {
        List<Long> stored = storedPositions();
        HttpClient http = HttpClient.newHttpClient();
        String credentials = LedgerNode.READER + ":" + LedgerNode.password(LedgerNode.READER);
        for (String accept : List.of("application/x-ndjson", "text/event-stream")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(reader.url()
                            + "/api/events?after=0&untilCaughtUp=true")).timeout(Duration.ofSeconds(20))
                    .header("Accept", accept).header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            List<String> data = answer.body().lines().filter(line -> accept.contains("ndjson") || line.startsWith("data:"))
                    .map(line -> line.startsWith("data:") ? line.substring("data:".length()) : line).toList();
            assertThat(data).as(accept).hasSize(stored.size() + 1);
            JsonNode last = JSON.readTree(data.get(data.size() - 1));
            assertThat(last.get("caughtUp").asBoolean()).as(accept).isTrue();
            assertThat(last.get("cursor").asText()).isEqualTo(String.valueOf(stored.get(stored.size() - 1)));
        }
    }

    @Test
    void aSubscriberResumesFromItsLastEventIdWithoutAGapOrARepeat() {
        List<Long> stored = storedPositions();
        String third;
        try (Subscriber sse = Subscriber.serverSentEvents(reader, "/api/events", null)) {
            List<JsonNode> events = sse.events(3);
            third = sse.lastId();
            assertThat(events).extracting(e -> e.get("position").asLong()).isEqualTo(stored.subList(0, 3));
        }
        try (Subscriber again = Subscriber.serverSentEvents(reader, "/api/events", third)) {
            List<JsonNode> rest = again.events(stored.size() - 3);
            assertThat(rest).extracting(e -> e.get("position").asLong()).isEqualTo(stored.subList(3, stored.size()));
        }
    }

    @Test
    void anEventAppendedOnOneNodeReachesASubscriberOfTheOtherAndFiltersHold() {
        String head = String.valueOf(writer.jdbc().queryForObject("SELECT MAX(globalindex) FROM domainevententry",
                Long.class));
        try (Subscriber statements = Subscriber.lines(reader, "/api/events?after=" + head
                + "&negotiationId=ru-ua-2025&type=StatementRecorded", null);
             Subscriber topics = Subscriber.lines(reader, "/api/events?after=" + head + "&type=TopicAdded", null)) {
            assertThat(writer.post(Istanbul.N + "/topics", """
                    {"id":"grain","title":"Grain corridor"}""").status()).isEqualTo(201);
            assertThat(writer.post(Istanbul.N + "/statements", """
                    {"id":"live-1","partyId":"ua","topicId":"grain","stance":"SUPPORTS","summary":"Open the corridor",
                     "effectiveOn":"2025-06-27"}""").status()).isEqualTo(201);

            JsonNode live = statements.events(1).get(0);
            assertThat(live.get("type").asText()).isEqualTo("StatementRecorded");
            assertThat(live.at("/payload/statementId").asText()).isEqualTo("live-1");
            assertThat(topics.events(1).get(0).at("/payload/topicId").asText()).isEqualTo("grain");
            assertThat(statements.heartbeat().get("cursor").asText()).isEqualTo(live.get("cursor").asText());
        }
    }

    @Test
    void aBadCursorAnUnknownTypeOrAnUnknownNegotiationIsRefused() {
        LedgerNode.Response cursor = reader.get("/api/events?after=yesterday", "Accept", "application/x-ndjson");
        LedgerNode.Response type = reader.get("/api/events?type=StatementMade", "Accept", "application/x-ndjson");

        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.json().get("parameter").asText()).isEqualTo("after");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.json().get("detail").asText()).contains("StatementMade", "StatementRecorded");
        assertThat(reader.get("/api/events?negotiationId=ru-ua-2026", "Accept", "application/x-ndjson").status())
                .isEqualTo(404);
        assertThat(reader.get("/api/events?asoff=1", "Accept", "application/x-ndjson").status()).isEqualTo(400);
    }

    /** One subscription, read line by line in a thread of its own. */
    private static final class Subscriber implements AutoCloseable {

        /** What the reading thread adds when the answer ended. */
        private static final String END = "\u0000end";
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final InputStream body;
        private final boolean sse;
        private String lastId;
        private final List<String> names = new ArrayList<>();
        private String retry;

        private Subscriber(InputStream body, boolean sse) {
            this.body = body;
            this.sse = sse;
            Thread thread = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // the test or the server closed it
                }
                lines.add(END);
            }, "subscriber");
            thread.setDaemon(true);
            thread.start();
        }

        static Subscriber lines(LedgerNode node, String path, String lastEventId) {
            return open(node, path, "application/x-ndjson", lastEventId, false);
        }

        static Subscriber serverSentEvents(LedgerNode node, String path, String lastEventId) {
            return open(node, path, "text/event-stream", lastEventId, true);
        }

        private static Subscriber open(LedgerNode node, String path, String accept, String lastEventId, boolean sse) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path)).GET()
                    .header("Accept", accept).header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("reader:reader-password".getBytes(StandardCharsets.UTF_8)));
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            try {
                HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(accept);
                return new Subscriber(response.body(), sse);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The next {@code count} events, skipping heartbeats and the catch-up's end; fails when they do not come in time. */
        List<JsonNode> events(int count) {
            List<JsonNode> events = new ArrayList<>();
            while (events.size() < count) {
                JsonNode next = next();
                if (!next.has("heartbeat") && !next.has("caughtUp")) {
                    events.add(next);
                }
            }
            return events;
        }

        /** The frame that ends the catch-up, and the events before it. */
        List<JsonNode> untilCaughtUp() {
            List<JsonNode> frames = new ArrayList<>();
            while (true) {
                JsonNode next = next();
                frames.add(next);
                if (next.has("caughtUp")) {
                    return frames;
                }
            }
        }

        /** The SSE event names seen so far, in order. */
        List<String> names() {
            return names;
        }

        String retry() {
            return retry;
        }

        /** The next heartbeat, skipping events. */
        JsonNode heartbeat() {
            while (true) {
                JsonNode next = next();
                if (next.has("heartbeat")) {
                    return next;
                }
            }
        }

        String lastId() {
            return lastId;
        }

        /** An event, or for Server-Sent Events a heartbeat as {"heartbeat":true,"cursor":id}. */
        private JsonNode next() {
            String data = null;
            while (true) {
                String line = take();
                if (!sse) {
                    return read(line);
                }
                if (line.startsWith("id:")) {
                    lastId = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    names.add(line.substring(6).strip());
                } else if (line.startsWith("retry:")) {
                    retry = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = line.substring(5);
                } else if (line.isEmpty() && lastId != null) {
                    return data != null ? read(data)
                            : JSON.createObjectNode().put("heartbeat", true).put("cursor", lastId);
                }
            }
        }

        private String take() {
            try {
                String line = lines.poll(20, TimeUnit.SECONDS);
                assertThat(line).as("a line of the stream within 20 s").isNotNull().isNotEqualTo(END);
                return line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static JsonNode read(String json) {
            try {
                return JSON.readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException(json, e);
            }
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
