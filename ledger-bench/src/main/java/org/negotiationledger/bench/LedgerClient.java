package org.negotiationledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/** Speaks HTTP to the ledger as a user does: JSON commands with HTTP Basic. */
final class LedgerClient {

    /** Part of every negotiation id a run makes, so that runs against one running ledger never collide. */
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String url;
    private final String authorization;

    LedgerClient(String url, String user, String password) {
        this.url = url;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The Authorization header this client sends. */
    String authorization() {
        return authorization;
    }

    /** Posts a command; answers the status. */
    int post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** GETs a path; answers the body, or fails on any status but 200 (or 202 for a POST). */
    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** GETs the open liveness probe, the cheapest request the ledger answers (it reads no database). */
    boolean health() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/liveness")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** Posts commands as JSON Lines to the importer; answers its last line, the summary. */
    String importLines(String lines) throws IOException, InterruptedException {
        return importBody(HttpRequest.BodyPublishers.ofString(lines));
    }

    /** Streams a JSON Lines file to the importer; answers the summary line. */
    String importFile(Path file) throws IOException, InterruptedException {
        return importBody(HttpRequest.BodyPublishers.ofFile(file));
    }

    private String importBody(HttpRequest.BodyPublisher lines) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url
                        + "/api/import?report=refused&onError=continue")).header("Authorization", authorization)
                .header("Content-Type", "application/x-ndjson").POST(lines).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the import answered " + response.statusCode() + ": " + response.body());
        }
        String[] answer = response.body().strip().split("\n");
        return answer[answer.length - 1];
    }

    /** Posts a file of event data with its mapping as a form; answers the report, or fails on any status but 200. */
    String importEventData(String path, Path file, Path mapping) throws IOException, InterruptedException {
        String boundary = "ledger-bench-" + RUN;
        HttpRequest.BodyPublisher form = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(part(boundary, "file")),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n" + part(boundary, "mapping")),
                HttpRequest.BodyPublishers.ofFile(mapping),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(form).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the import of event data answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String part(String boundary, String name) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    }

    /** Opens a negotiation with one party and one topic, ready for statements. */
    void openNegotiation(String id) throws IOException, InterruptedException {
        require(post("/api/negotiations", "{\"id\":\"" + id + "\",\"title\":\"Bench " + id
                + "\",\"openedOn\":\"2025-01-01\"}"));
        require(post("/api/negotiations/" + id + "/parties", "{\"id\":\"a\",\"name\":\"A\",\"role\":\"PARTY\"}"));
        require(post("/api/negotiations/" + id + "/topics", "{\"id\":\"t\",\"title\":\"T\"}"));
    }

    static String statement(String id, int day) {
        return "{\"id\":\"" + id + "\",\"partyId\":\"a\",\"topicId\":\"t\",\"stance\":\"SUPPORTS\",\"summary\":"
                + "\"A statement of the benchmark, " + id + "\",\"effectiveOn\":\"2025-02-"
                + String.format("%02d", day % 28 + 1) + "\"}";
    }

    private static void require(int status) {
        if (status != 201 && status != 200) {
            throw new IllegalStateException("the ledger refused the setup: " + status);
        }
    }
}
