package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.problems.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad request gets its problem details (status, media type, stable type, the
 * offending field or rule) and leaves the event store exactly as it was.
 */
class ProblemsTest {

    private static LedgerNode ledger;

    @BeforeAll
    static void start() {
        ledger = LedgerNode.start(TestDatabase.freshSchema("ledger_problems_it"));
        for (Istanbul.Post post : Istanbul.setUp()) {
            assertThat(ledger.post(post.path(), post.body()).status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    private static JsonNode refused(Supplier<LedgerNode.Response> request, int status, String type) {
        long before = ledger.eventCount();
        LedgerNode.Response response = request.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        assertThat(ledger.eventCount()).as("events after a refused command").isEqualTo(before);
        return problem;
    }

    private static final String STATEMENTS = Istanbul.N + "/statements";

    @Test
    void theFrameworksOwnRefusalsAreTheLedgersProblemsToo() {
        assertThat(refused(() -> ledger.get("/api/nothing-here"), 404, "not-found").get("detail").asText())
                .isEqualTo("there is nothing at /api/nothing-here");
        LedgerNode.Response delete = ledger.delete("/api/negotiations");
        JsonNode method = refused(() -> delete, 405, "method-not-allowed");
        assertThat(method.get("detail").asText()).isEqualTo("DELETE is not taken at /api/negotiations; it takes GET, "
                + "POST");
        assertThat(delete.header("Allow")).contains("GET", "POST");
        refused(() -> ledger.get("/api/negotiations", "Accept", "text/csv"), 406, "not-acceptable");
        assertThat(refused(() -> ledger.post(STATEMENTS, "{}", "Content-Type", "text/plain"), 415,
                "unsupported-media-type").get("detail").asText()).contains("'text/plain'", "send application/json");
    }

    @Test
    void noReadAnswersInYaml() {
        refused(() -> ledger.get("/api/negotiations", "Accept", "application/yaml"), 406, "not-acceptable");
        refused(() -> ledger.get(Istanbul.N + "/audit", "Accept", "application/yaml"), 406, "not-acceptable");
    }

    @Test
    void everyProblemTypeResolvesToAPageThatExplainsIt() throws IOException {
        Properties explanations = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/problems/explanations.properties")) {
            explanations.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        LedgerNode anyone = ledger.as(null, null);
        for (ProblemType type : ProblemType.values()) {
            assertThat(explanations.getProperty(type.slug())).as(type.slug()).isNotBlank();
            LedgerNode.Response page = anyone.get(type.type().toString());
            assertThat(page.status()).as(type.slug()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains(type.title().replace("'", "&#39;"), "HTTP status " + type.status().value());
        }
        refused(() -> anyone.get("/problems/no-such-problem"), 404, "not-found");
    }

    @Test
    void malformedJsonIs400() {
        JsonNode problem = refused(() -> ledger.post(STATEMENTS, "{\"id\":\"s-1\","), 400, "malformed-request");
        assertThat(problem.get("detail").asText()).startsWith("the body is not valid JSON");
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        JsonNode problem = refused(() -> ledger.post(STATEMENTS, """
                {"id":"s-1","partyId":"ua","topicId":"ceasefire","stance":"SUPPORTS","summary":"s",
                 "effectiveOn":"27 June"}"""), 400, "malformed-request");
        assertThat(problem.get("field").asText()).isEqualTo("effectiveOn");
    }

    @Test
    void unknownEnumValueIs400ListingTheKnownOnes() {
        JsonNode problem = refused(() -> ledger.post(STATEMENTS, """
                {"id":"s-1","partyId":"ua","topicId":"ceasefire","stance":"LOVES","summary":"s",
                 "effectiveOn":"2025-06-01"}"""), 400, "malformed-request");
        assertThat(problem.get("field").asText()).isEqualTo("stance");
        assertThat(problem.get("detail").asText()).contains("LOVES", "SUPPORTS", "REJECTS");
    }

    @Test
    void misspeltFieldIs400() {
        JsonNode problem = refused(() -> ledger.post(STATEMENTS, """
                {"id":"s-1","partyId":"ua","topicId":"ceasefire","stance":"SUPPORTS","summary":"s",
                 "effectiveOn":"2025-06-01","conditons":"x"}"""), 400, "malformed-request");
        assertThat(problem.get("field").asText()).isEqualTo("conditons");
    }

    @Test
    void missingAndInvalidFieldsAre400ListingEach() {
        JsonNode problem = refused(() -> ledger.post(STATEMENTS, """
                {"id":"s 1","partyId":"ua","stance":"SUPPORTS","summary":"",
                 "offer":{"value":1000},"effectiveOn":"2025-06-01"}"""), 400, "invalid-fields");
        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactly("id", "offer.unit", "summary", "topicId");
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String big = "{\"id\":\"s-1\",\"summary\":\"" + "x".repeat(1_100_000) + "\"}";
        refused(() -> ledger.post(STATEMENTS, big), 413, "body-too-large");
    }

    @Test
    void chunkedBodyOverOneMebibyteIs413() {
        byte[] big = ("{\"id\":\"s-1\",\"summary\":\"" + "x".repeat(1_100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        // A publisher of unknown length makes the client send the body in chunks, without Content-Length.
        HttpRequest.BodyPublisher chunked = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher bytes = HttpRequest.BodyPublishers.ofByteArray(big);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                bytes.subscribe(subscriber);
            }
        };
        refused(() -> ledger.post(STATEMENTS, chunked), 413, "body-too-large");
    }

    @Test
    void unknownNegotiationIs404() {
        JsonNode problem = refused(() -> ledger.post("/api/negotiations/no-such-talks/topics",
                "{\"id\":\"t\",\"title\":\"T\"}"), 404, "unknown-negotiation");
        assertThat(problem.get("negotiationId").asText()).isEqualTo("no-such-talks");
    }

    @Test
    void staleIfMatchIs409() {
        JsonNode problem = refused(() -> ledger.post(Istanbul.N + "/topics", "{\"id\":\"t-stale\",\"title\":\"T\"}",
                "If-Match", "\"2\""), 409, "version-conflict");
        assertThat(problem.get("expectedVersion").asLong()).isEqualTo(2);
    }

    @Test
    void invalidIfMatchIs400() {
        JsonNode problem = refused(() -> ledger.post(Istanbul.N + "/topics", "{\"id\":\"t-x\",\"title\":\"T\"}",
                "If-Match", "yesterday"), 400, "invalid-header");
        assertThat(problem.get("header").asText()).isEqualTo("If-Match");
    }

    @Test
    void idReusedWithOtherContentIs409() {
        JsonNode problem = refused(() -> ledger.post(Istanbul.N + "/parties",
                "{\"id\":\"ua\",\"name\":\"Ukraine\",\"role\":\"OBSERVER\"}"), 409, "id-conflict");
        assertThat(problem.get("detail").asText())
                .isEqualTo("party 'ua' already exists in negotiation 'ru-ua-2025' with other content");
    }

    @Test
    void brokenInvariantIs422NamingTheRule() {
        JsonNode problem = refused(() -> ledger.post(STATEMENTS, """
                {"id":"s-1","partyId":"ru","delegateId":"umerov","topicId":"ceasefire","stance":"SUPPORTS",
                 "summary":"s","effectiveOn":"2025-06-01"}"""), 422, "rule-violation");
        assertThat(problem.get("rule").asText()).isEqualTo("delegate-of-other-party");
        assertThat(problem.get("detail").asText()).isEqualTo("delegate 'umerov' speaks for party 'ua', not for 'ru'");
    }

    @Test
    void futureDateIs422() {
        JsonNode problem = refused(() -> ledger.post(STATEMENTS, """
                {"id":"s-1","partyId":"ua","topicId":"ceasefire","stance":"SUPPORTS","summary":"s",
                 "effectiveOn":"2999-01-01"}"""), 422, "rule-violation");
        assertThat(problem.get("rule").asText()).isEqualTo("date-in-future");
    }

    @Test
    void everyCommandEndpointRefusesAnEmptyBody() {
        for (String path : List.of("/api/negotiations", Istanbul.N + "/parties", Istanbul.N + "/delegates",
                Istanbul.N + "/topics", STATEMENTS, STATEMENTS + "/s-1/corrections", STATEMENTS + "/s-1/retraction",
                Istanbul.N + "/meetings", Istanbul.N + "/exchanges", Istanbul.N + "/exchanges/x/agreements",
                Istanbul.N + "/exchanges/x/executions", Istanbul.N + "/closure")) {
            refused(() -> ledger.post(path, "{}"), 400, "invalid-fields");
        }
    }
}
