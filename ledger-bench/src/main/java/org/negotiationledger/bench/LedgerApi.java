package org.negotiationledger.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.negotiationledger.client.ApiClient;
import org.negotiationledger.client.ApiException;
import org.negotiationledger.client.api.AdminApi;
import org.negotiationledger.client.api.AuditApi;
import org.negotiationledger.client.api.BackupApi;
import org.negotiationledger.client.api.CommandsApi;
import org.negotiationledger.client.api.EventDataApi;
import org.negotiationledger.client.api.ImportApi;
import org.negotiationledger.client.api.NegotiationsApi;
import org.negotiationledger.client.api.PositionsApi;
import org.negotiationledger.client.model.AddTopicRequest;
import org.negotiationledger.client.model.OpenNegotiationRequest;
import org.negotiationledger.client.model.RecordStatementRequest;
import org.negotiationledger.client.model.RegisterPartyRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ledger as a user's code speaks to it: the client generated from docs/openapi.json
 * (ledger-client), with HTTP Basic. Only the liveness probe, which is Actuator's and not part of
 * the API, is asked through the client's own HTTP connection by hand.
 */
final class LedgerApi {

    /** Part of every negotiation id a run makes, so that runs against one running ledger never collide. */
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final ApiClient client;
    private final String authorization;
    /** The JSON the generated client writes for request bodies. */
    private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();

    private final HttpClient probe;
    final CommandsApi commands;
    final ImportApi imports;
    final EventDataApi eventData;
    final PositionsApi positions;
    final AuditApi audit;
    final NegotiationsApi negotiations;
    final AdminApi admin;
    final BackupApi backup;

    LedgerApi(String url, String user, String password) {
        authorization = basic(user, password);
        // One HTTP client (one pool of connections) for every API class, where the generated
        // client builds one per class; HTTP/1.1 as the ledger speaks it, without an offer to upgrade.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        client = new ApiClient() {
            @Override
            public HttpClient getHttpClient() {
                return http;
            }
        };
        client.updateBaseUri(url);
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        commands = new CommandsApi(client);
        imports = new ImportApi(client);
        eventData = new EventDataApi(client);
        positions = new PositionsApi(client);
        audit = new AuditApi(client);
        negotiations = new NegotiationsApi(client);
        admin = new AdminApi(client);
        backup = new BackupApi(client);
        probe = http;
    }

    /** The value of an Authorization header for HTTP Basic. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** GETs the open liveness probe, the cheapest request the ledger answers (it reads no database). */
    boolean health() throws IOException, InterruptedException {
        return probe.send(HttpRequest.newBuilder(URI.create(client.getBaseUri()
                + "/actuator/health/liveness")).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200;
    }

    /** The node's Prometheus metrics (Actuator's, not part of the API), asked by hand. */
    String metrics() throws IOException, InterruptedException {
        return probe.send(HttpRequest.newBuilder(URI.create(client.getBaseUri() + "/actuator/prometheus"))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * Follows a negotiation's events as JSON Lines, from now on, as an open page of the workbench
     * does; by hand, since the generated client reads an answer whole and this one never ends.
     */
    Stream<String> follow(String negotiation, long after) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> answer = probe.send(HttpRequest.newBuilder(URI.create(
                        client.getBaseUri() + "/api/events?negotiationId=" + negotiation + "&after=" + after))
                .header("Authorization", authorization).header("Accept", "application/x-ndjson").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        if (answer.statusCode() != 200) {
            throw new IOException("the event stream answered " + answer.statusCode());
        }
        return answer.body();
    }

    /** Records a statement; answers whether the ledger recorded it (false when it refused it). */
    boolean record(String negotiation, RecordStatementRequest statement) {
        try {
            return commands.recordStatementWithHttpInfo(negotiation, statement, null, null).getStatusCode() == 201;
        } catch (ApiException refused) {
            return false;
        }
    }

    /** Posts commands as JSON Lines to the importer; answers its last line, the summary. */
    String importLines(String lines) throws ApiException, IOException {
        Path answer = imports.importLines(lines, "continue", "refused").toPath();
        try {
            List<String> answered = Files.readAllLines(answer);
            return answered.get(answered.size() - 1);
        } finally {
            Files.deleteIfExists(answer);
        }
    }

    /** One line of the importer: the statement for the negotiation. */
    static String importLine(String negotiation, RecordStatementRequest statement) throws JsonProcessingException {
        return "{\"path\":\"/api/negotiations/" + negotiation + "/statements\",\"body\":"
                + json(statement) + "}\n";
    }

    /** The JSON the client sends for a request body. */
    static String json(Object body) throws JsonProcessingException {
        return JSON.writeValueAsString(body);
    }

    /** Opens a negotiation with one party and one topic, ready for statements. */
    void openNegotiation(String id) throws ApiException {
        commands.openNegotiation(new OpenNegotiationRequest().id(id).title("Bench " + id)
                .openedOn(LocalDate.of(2025, 1, 1)), null, null);
        commands.registerParty(id, new RegisterPartyRequest().id("a").name("A")
                .role(RegisterPartyRequest.RoleEnum.PARTY), null, null);
        commands.addTopic(id, new AddTopicRequest().id("t").title("T"), null, null);
    }

    /** A statement of the one party on the one topic, on a day of February 2025. */
    static RecordStatementRequest statement(String id, int day) {
        return new RecordStatementRequest().id(id).partyId("a").topicId("t")
                .stance(RecordStatementRequest.StanceEnum.SUPPORTS).summary("A statement of the benchmark, " + id)
                .effectiveOn(LocalDate.of(2025, 2, day % 28 + 1));
    }
}
