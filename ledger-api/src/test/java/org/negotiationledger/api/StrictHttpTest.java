package org.negotiationledger.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server reads a request's head strictly, as written on a socket: whatever two HTTP parsers
 * could read differently (Content-Length beside Transfer-Encoding, two Content-Lengths, a folded
 * header, a line ended by LF alone) is refused with a 400 problem saying what is wrong, the
 * connection is closed, and nothing of it reaches the ledger, a request smuggled inside it least
 * of all. Well-formed requests, in one piece, byte by byte or several on one connection, and
 * bodies with LF line ends, are read as before; a body refused before it is read whole still gets
 * its answer, not a reset connection.
 */
class StrictHttpTest {

    private static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP/1\\.1 (\\d{3}) ");
    private static final String OPEN = """
            {"id":"%s","title":"T","openedOn":"2025-05-16"}""";

    @TempDir
    static Path dataDir;
    private static LedgerNode node;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString()));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void contentLengthBesideTransferEncodingIsRefusedAndTheRequestInsideIsNotRead() throws Exception {
        long events = node.eventCount();
        String smuggled = post("smuggled", "Content-Length: " + OPEN.formatted("smuggled").length());
        String chunked = "0\r\n\r\n" + smuggled;
        String answer = exchange("POST /api/negotiations HTTP/1.1\r\nHost: ledger\r\nAuthorization: "
                + node.authorization() + "\r\nContent-Type: application/json\r\nContent-Length: "
                + chunked.length() + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked);

        assertOneRefusal(answer, "a request may not carry both Content-Length and Transfer-Encoding");
        assertThat(node.get("/api/negotiations/smuggled").status()).isEqualTo(404);
        assertThat(node.eventCount()).isEqualTo(events);
    }

    @Test
    void twoContentLengthsAreRefused() throws Exception {
        long events = node.eventCount();
        String body = OPEN.formatted("twice");
        String answer = exchange(post("twice", "Content-Length: " + body.length() + "\r\nContent-Length: 2"));

        assertOneRefusal(answer, "a request may carry only one Content-Length");
        assertThat(node.eventCount()).isEqualTo(events);
    }

    @Test
    void aHeaderFoldedOntoTheNextLineIsRefused() throws Exception {
        String answer = exchange("GET /api/negotiations HTTP/1.1\r\nHost: ledger\r\nAuthorization: "
                + node.authorization() + "\r\nAccept: application/json,\r\n text/csv\r\n\r\n");

        assertOneRefusal(answer, "a header may not be folded onto the next line");
    }

    @Test
    void aLineOfTheHeadEndedByLfAloneIsRefusedWhereverItIs() throws Exception {
        long events = node.eventCount();
        String request = post("bare-lf", "Content-Length: " + OPEN.formatted("bare-lf").length());
        String[] lines = request.substring(0, request.indexOf("\r\n\r\n")).split("\r\n");
        String body = request.substring(request.indexOf("\r\n\r\n") + 4);
        for (int bare = 0; bare <= lines.length; bare++) {
            StringBuilder head = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                head.append(lines[i]).append(i == bare ? "\n" : "\r\n");
            }
            String answer = exchange(head + (bare == lines.length ? "\n" : "\r\n") + body);

            assertOneRefusal(answer, "every line of a request's head must end in CR LF, not in LF alone");
        }
        assertThat(node.get("/api/negotiations/bare-lf").status()).isEqualTo(404);
        assertThat(node.eventCount()).isEqualTo(events);
    }

    @Test
    void wellFormedRequestsAreReadAsBeforeInOnePieceByteByByteAndSeveralOnOneConnection() throws Exception {
        String two = post("pipelined-1", "Content-Length: " + OPEN.formatted("pipelined-1").length())
                + post("pipelined-2", "Content-Length: " + OPEN.formatted("pipelined-2").length()
                + "\r\nConnection: close");
        assertThat(statuses(exchange(two))).isEqualTo("201 201");

        String slow = post("byte-by-byte", "Content-Length: " + OPEN.formatted("byte-by-byte").length()
                + "\r\nConnection: close");
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            for (byte b : slow.getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
            }
            assertThat(statuses(readAll(socket.getInputStream()))).isEqualTo("201");
        }

        String lines = """
                {"path":"/api/negotiations","body":{"id":"lf-body","title":"T","openedOn":"2025-05-16"}}
                {"path":"/api/negotiations/lf-body/parties","body":{"id":"ua","name":"Ukraine","role":"PARTY"}}
                """;
        String answer = exchange("POST /api/import HTTP/1.1\r\nHost: ledger\r\nAuthorization: "
                + node.authorization() + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: "
                + lines.length() + "\r\nConnection: close\r\n\r\n" + lines);
        assertThat(statuses(answer)).isEqualTo("200");
        assertThat(answer).contains("\"accepted\":2");
        node.awaitViews();  // the views follow the store; a read straight after may come before them
        assertThat(node.get("/api/negotiations/lf-body").body()).contains("Ukraine");
        for (String id : new String[]{"pipelined-1", "pipelined-2", "byte-by-byte"}) {
            assertThat(node.get("/api/negotiations/" + id).status()).isEqualTo(200);
        }
    }

    @Test
    void aBodyRefusedBeforeItIsReadWholeStillGetsItsAnswer() throws Exception {
        String large = OPEN.formatted("large").replace("\"T\"", "\"T\",\"description\":\""
                + "x".repeat(1_500_000) + "\"");
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 10; i++) {
            for (boolean announced : new boolean[]{true, false}) {
                HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(large);
                HttpRequest.BodyPublisher sent = announced ? body : LedgerNode.chunked(body);
                HttpResponse<String> tooLarge = http.send(request(sent, node.authorization()),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> anonymous = http.send(request(sent, null), HttpResponse.BodyHandlers.ofString());

                assertThat(tooLarge.statusCode()).isEqualTo(413);
                assertThat(tooLarge.body()).contains("/problems/body-too-large");
                assertThat(anonymous.statusCode()).isEqualTo(401);
            }
        }
        assertThat(node.get("/api/negotiations/large").status()).isEqualTo(404);
    }

    private static HttpRequest request(HttpRequest.BodyPublisher body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + "/api/negotiations"))
                .header("Content-Type", "application/json").POST(body);
        return (authorization == null ? request : request.header("Authorization", authorization)).build();
    }


    /** A POST opening negotiation {@code id}, with these framing headers. */
    private static String post(String id, String framing) {
        return "POST /api/negotiations HTTP/1.1\r\nHost: ledger\r\nAuthorization: " + node.authorization()
                + "\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n" + OPEN.formatted(id);
    }

    private static void assertOneRefusal(String answer, String detail) {
        assertThat(statuses(answer)).as(answer).isEqualTo("400");
        assertThat(answer).contains("Content-Type: application/problem+json")
                .contains("\"type\":\"/problems/rejected-request\"")
                .contains("\"detail\":\"" + detail + "\"")
                .contains("Content-Security-Policy: ");
    }

    /** The status of each answer on the connection, in order. */
    private static String statuses(String answers) {
        Matcher status = STATUS_LINE.matcher(answers);
        StringBuilder all = new StringBuilder();
        while (status.find()) {
            all.append(all.isEmpty() ? "" : " ").append(status.group(1));
        }
        return all.toString();
    }

    /** Writes the bytes on a new connection and reads until the server closes it. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    private static Socket connect() throws IOException {
        URI base = URI.create(node.url());
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        in.transferTo(answer);
        return answer.toString(StandardCharsets.UTF_8);
    }
}
