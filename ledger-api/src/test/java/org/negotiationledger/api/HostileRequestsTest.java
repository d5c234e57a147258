package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile requests over every command, every query and the importer: wrong types,
 * control characters, lone surrogates, malformed UTF-8, overlong texts and lists, impossible
 * dates and numbers, duplicate keys, content after the body, bodies too large, bad headers and
 * paths. Each is refused with a 4xx problem that names no class, SQL or host, under the same
 * security headers as every answer; afterwards the
 * store is unchanged byte for byte, and every view is at the head with nothing set aside. Last,
 * the unspoilt form of every command is accepted, so each refusal was for what was spoilt.
 */
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String N = Istanbul.N;
    private static final String PLACEHOLDER = "@@spoilt@@";
    private static LedgerNode node;

    /** One command as the HTTP API takes it, in a form it accepts. */
    private record Command(String path, String body) {
    }

    private static final List<Command> COMMANDS = List.of(
            new Command("/api/negotiations", """
                    {"id":"h-neg","title":"T","openedOn":"2025-05-16","description":"d"}"""),
            new Command(N + "/parties", """
                    {"id":"h-p","name":"P","role":"PARTY"}"""),
            new Command(N + "/delegates", """
                    {"id":"h-d","name":"D","partyId":"ua","title":"t"}"""),
            new Command(N + "/topics", """
                    {"id":"h-t","title":"T","description":"d"}"""),
            new Command(N + "/statements", """
                    {"id":"h-s","partyId":"ua","delegateId":"umerov","topicId":"ceasefire","stance":"SUPPORTS",
                     "summary":"s","conditions":"c","offer":{"value":1.5,"unit":"u"},"effectiveOn":"2025-06-27",
                     "source":{"publisher":"p","title":"t","url":"https://example.org/a","publishedOn":"2025-06-27",
                     "language":"ru","quote":"q"},"note":"n"}"""),
            new Command(N + "/statements/zelensky-2025-05-27/corrections", """
                    {"id":"h-c","stance":"SUPPORTS","summary":"s","offer":{"value":2,"unit":"u"},"conditions":"c",
                     "effectiveOn":"2025-05-28","reason":"r"}"""),
            new Command(N + "/meetings", """
                    {"id":"h-m","heldOn":"2025-06-01","location":"L","level":"DELEGATIONS","partyIds":["ua","ru"],
                     "mediatorIds":["tr"],"heads":{"ua":"umerov"},"topicIds":["ceasefire"],"summary":"s"}"""),
            new Command(N + "/exchanges", """
                    {"id":"h-x","kind":"PRISONERS","proposedBy":"ua","proposedOn":"2025-06-01",
                     "quantities":{"ua":10,"ru":10},"allForAll":false,"categories":["c"],"note":"n"}"""),
            new Command(N + "/exchanges/h-proposed/agreements", """
                    {"partyIds":["ua","ru"],"agreedOn":"2025-06-01","meetingId":"istanbul-1"}"""),
            new Command(N + "/exchanges/h-agreed/executions", """
                    {"stage":1,"executedOn":"2025-06-02","released":{"ua":1,"ru":1},"completes":false,"note":"n"}"""),
            new Command(N + "/statements/zelensky-2025-05-27/retraction", """
                    {"reason":"r"}"""),
            new Command(N + "/closure", """
                    {"outcome":"AGREEMENT","closedOn":"2025-06-30","summary":"s"}"""));

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_hostile_it"));
        List<Istanbul.Post> posts = new ArrayList<>(Istanbul.setUp());
        posts.addAll(Istanbul.talks().subList(0, 8));
        posts.add(new Istanbul.Post(N + "/exchanges", """
                {"id":"h-proposed","kind":"BODIES","proposedOn":"2025-06-01","quantities":{"ua":5,"ru":5}}"""));
        posts.add(new Istanbul.Post(N + "/exchanges", """
                {"id":"h-agreed","kind":"BODIES","proposedOn":"2025-06-01","quantities":{"ua":5,"ru":5}}"""));
        posts.add(new Istanbul.Post(N + "/exchanges/h-agreed/agreements", """
                {"partyIds":["ua","ru"],"agreedOn":"2025-06-01"}"""));
        for (Istanbul.Post post : posts) {
            assertThat(node.post(post.path(), post.body()).status()).as(post.path()).isEqualTo(201);
        }
        node.awaitViews();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** A hostile request: what it is, and how to send it. */
    private record Hostile(String label, Function<LedgerNode, LedgerNode.Response> send) {
    }

    @Test
    void everyHostileRequestIsRefusedAndLeavesTheStoreAndTheViewsAsTheyWere() throws Exception {
        List<Hostile> corpus = new ArrayList<>();
        for (Command command : COMMANDS) {
            corpus.addAll(spoiltBodies(command));
        }
        corpus.addAll(spoiltHeadersAndPaths());
        corpus.addAll(spoiltQueries());
        String before = storeDigest();

        List<String> wrong = new ArrayList<>();
        for (Hostile hostile : corpus) {
            LedgerNode.Response answer = hostile.send().apply(node);
            if (answer.status() < 400 || answer.status() >= 500 || leaks(answer.body())) {
                wrong.add(hostile.label() + " → " + answer);
            }
            if (answer.header("Content-Security-Policy") == null
                    || !"no-referrer".equals(answer.header("Referrer-Policy"))) {
                wrong.add(hostile.label() + " → no Content-Security-Policy or Referrer-Policy");
            }
        }
        List<String> refusedLines = spoiltImport();

        assertThat(corpus.size() + refusedLines.size()).isGreaterThanOrEqualTo(300);
        assertThat(wrong).isEmpty();
        assertThat(refusedLines).allMatch(line -> line.startsWith("REFUSED 4"), "every import line is refused");
        assertThat(storeDigest()).as("the store, byte for byte").isEqualTo(before);
        node.awaitViews();
        for (JsonNode view : node.get("/api/admin/projections").json().get("projections")) {
            assertThat(view.get("state").asText()).as(view.get("name").asText()).isEqualTo("UP");
            assertThat(view.get("deadLetters").asLong()).isZero();
        }

        for (Command command : COMMANDS) {
            assertThat(node.post(command.path(), command.body()).status()).as(command.path()).isEqualTo(201);
        }
        node.awaitViews();
        assertThat(node.get("/api/admin/projections").json().get("projections"))
                .allMatch(view -> view.get("state").asText().equals("UP"));
    }

    /** Every way the corpus spoils one command's body. */
    private static List<Hostile> spoiltBodies(Command command) throws Exception {
        List<Hostile> spoilt = new ArrayList<>();
        ObjectNode body = (ObjectNode) JSON.readTree(command.body());
        for (String field : leaves(body, "")) {
            JsonNode value = body.at(field);
            List<String> replacements = new ArrayList<>();
            if (value.isTextual() && isDate(value.asText())) {
                replacements.addAll(List.of("[2025,1,1]", "\"2025-01-01T00:00:00Z\"", "\"0000-01-01\"",
                        "\"-0001-01-01\"", "\"+10000-01-01\"", "\"2025-02-30\"", "20250101", "\"\""));
            } else if (value.isTextual()) {
                replacements.addAll(List.of("5", "true", "\"a\\u0000b\"", "\"bell\\u0007\"", "\"lone \\ud800 half\"",
                        "\"" + "x".repeat(20_001) + "\"", "{}"));
            } else if (value.isNumber()) {
                replacements.addAll(List.of("\"1\"", "1e10000000", "1" + "0".repeat(100), "1e-39", "true",
                        "123456789012345678901", "[1]"));
                if (!field.startsWith("/offer")) {
                    replacements.addAll(List.of("-1", "1.5"));  // counts and stages are whole and not negative
                }
            } else if (value.isBoolean()) {
                replacements.addAll(List.of("1", "\"true\""));
            } else if (value.isArray()) {
                replacements.add(repeated("\"ua\"", 101));
                replacements.add("[null]");
                replacements.add("\"ua\"");
            }
            for (String replacement : replacements) {
                String text = JSON.writeValueAsString(with(body, field, PLACEHOLDER))
                        .replace("\"" + PLACEHOLDER + "\"", replacement);
                spoilt.add(post(command.path() + " " + field + "=" + abbreviated(replacement), command.path(),
                        text.getBytes(StandardCharsets.UTF_8)));
            }
        }
        String valid = JSON.writeValueAsString(body);
        String inner = valid.substring(1, valid.length() - 1);
        String first = inner.contains(",\"") ? inner.substring(0, inner.indexOf(",\"")) : inner;
        int text = freeText(valid);
        spoilt.add(post(command.path() + " content after the body", command.path(), bytes(valid + "{}")));
        spoilt.add(post(command.path() + " words after the body", command.path(), bytes(valid + " xyz")));
        spoilt.add(post(command.path() + " a second body", command.path(), bytes(valid + "\r" + valid)));
        spoilt.add(post(command.path() + " a key twice", command.path(), bytes("{" + first + "," + inner + "}")));
        spoilt.add(post(command.path() + " an unknown field", command.path(),
                bytes("{" + inner + ",\"surprise\":1}")));
        spoilt.add(post(command.path() + " an array", command.path(), bytes("[" + valid + "]")));
        spoilt.add(post(command.path() + " null", command.path(), bytes("null")));
        spoilt.add(post(command.path() + " nothing", command.path(), new byte[0]));
        spoilt.add(post(command.path() + " not JSON", command.path(), bytes("id=h&title=t")));
        spoilt.add(post(command.path() + " invalid UTF-8", command.path(),
                splice(bytes(valid), text, new byte[]{(byte) 0xFF})));
        spoilt.add(post(command.path() + " an overlong '/'", command.path(),
                splice(bytes(valid), text, new byte[]{(byte) 0xC0, (byte) 0xAF})));
        spoilt.add(post(command.path() + " an encoded surrogate", command.path(),
                splice(bytes(valid), text, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
        spoilt.add(new Hostile(command.path() + " 1.5 MiB in chunks", n -> n.post(command.path(),
                LedgerNode.chunked(HttpRequest.BodyPublishers.ofByteArray(
                        bytes("{" + inner + ",\"note\":\"" + "x".repeat(1_500_000) + "\"}"))))));
        spoilt.add(new Hostile(command.path() + " as text/plain", n -> n.post(command.path(),
                HttpRequest.BodyPublishers.ofString(valid), "Content-Type", "text/plain")));
        return spoilt;
    }

    private static List<Hostile> spoiltHeadersAndPaths() {
        String party = "{\"id\":\"h-p\",\"name\":\"P\",\"role\":\"PARTY\"}";
        List<Hostile> spoilt = new ArrayList<>();
        for (String ifMatch : new String[]{"\"ä\"", "abc", "\"0\"", "\"-1\"", "\"99999999999999999999\""}) {
            spoilt.add(new Hostile("If-Match " + ifMatch, n -> n.post(N + "/parties", party, "If-Match", ifMatch)));
        }
        for (String path : new String[]{"/api/negotiations//parties", "/api/negotiations/ru-ua-2025;x=1/parties",
                "/api/negotiations/%2e%2e/parties", "/api/negotiations/ru%2Fua/parties",
                "/api/negotiations/" + "a".repeat(129) + "/parties", "/api/negotiations/%C3%A4/parties",
                "/api/negotiations/ru-ua-2025/statements/%20/retraction", "/api/negotiations/ru-ua-2025/nothing"}) {
            spoilt.add(new Hostile("POST " + path, n -> n.post(path, party)));
        }
        for (String path : new String[]{"/error", "/api/negotiations//positions", "/api/negotiations/x;y/positions",
                "/api/negotiations/%2e%2e/audit", "/api/negotiations/ru%00ua/positions"}) {
            spoilt.add(new Hostile("GET " + path, n -> n.get(path)));
        }
        spoilt.add(new Hostile("X-Request-Id with a line break", n -> n.get(N + "/positions?waitFor=-1",
                "X-Request-Id", "a\tb")));
        return spoilt;
    }

    private static List<Hostile> spoiltQueries() {
        List<String> paths = new ArrayList<>();
        for (String asOf : new String[]{"0000-01-01", "2025-13-01", "10000-01-01", "-2025-01-01", "2025-1-1",
                "2025-05-20T00:00:00Z", "%00"}) {
            paths.add(N + "/positions?asOf=" + asOf);
            paths.add(N + "/changes?from=" + asOf);
        }
        for (String knownAt : new String[]{"+100000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2025-06-10",
                "10000-01-01T00:00:00Z", "2025-06-10T25:00:00Z", "yesterday"}) {
            paths.add(N + "/positions?knownAt=" + knownAt);
            paths.add(N + "/positions/ua/ceasefire/history?knownAt=" + knownAt);
            paths.add(N + "/audit?recordedFrom=" + knownAt);
            paths.add("/api/audit?recordedBefore=" + knownAt);
        }
        for (String waitFor : new String[]{"-1", "abc", "1e3", "99999999999999999999"}) {
            paths.add(N + "/positions?waitFor=" + waitFor);
            paths.add(N + "/meetings?waitFor=" + waitFor);
            paths.add(N + "/exchanges?waitFor=" + waitFor);
            paths.add("/api/negotiations?waitFor=" + waitFor);
        }
        for (String limit : new String[]{"0", "-5", "1001", "abc", "1.5"}) {
            paths.add(N + "/audit?limit=" + limit);
        }
        for (String after : new String[]{"garbage", "%00", "YWZ0ZXI6LTE", "bm90IGEgY3Vyc29y"}) {
            paths.add(N + "/audit?after=" + after);
        }
        paths.add(N + "/audit?effectiveFrom=0000-01-01");
        paths.add(N + "/audit?effectiveTo=2025-02-30");
        paths.add("/api/negotiations?status=closed");
        paths.add("/api/negotiations?status=%00");
        paths.add(N + "/changes");
        paths.add(N + "/verify?sequence=abc");
        paths.add(N + "/verify?sequence=-1&hash=x");
        return paths.stream().map(path -> new Hostile("GET " + path, n -> n.get(path))).toList();
    }

    /** Spoilt lines for the importer: each must be refused, the import itself answered 200. */
    private static List<String> spoiltImport() throws Exception {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        String valid = "{\"path\":\"" + N + "/parties\",\"body\":{\"id\":\"h-p\",\"name\":\"P\",\"role\":\"PARTY\"}}";
        List<String> spoilt = List.of(
                valid.replace("\"P\"", "\"P\\u0000\""),
                valid.replace("\"P\"", "\"\\udc00\""),
                valid.replace("\"P\"", "5"),
                valid.replace("\"PARTY\"", "2"),
                valid + valid,
                valid + " trailing",
                valid + "\r" + valid,
                valid.replace("{\"id\"", "{\"id\":\"x\",\"id\""),
                valid.replace("/parties", "/parties/more"),
                valid.replace("ru-ua-2025", "ru ua"),
                "{\"path\":\"" + N + "/statements\",\"body\":{\"id\":\"h-s\",\"partyId\":\"ua\",\"topicId\":\"ceasefire\","
                        + "\"stance\":\"SUPPORTS\",\"summary\":\"s\",\"effectiveOn\":\"2025-06-27\","
                        + "\"offer\":{\"value\":1e10000000,\"unit\":\"u\"}}}",
                "{\"path\":\"" + N + "/statements\",\"body\":{\"id\":\"h-s\",\"partyId\":\"ua\",\"topicId\":\"ceasefire\","
                        + "\"stance\":\"SUPPORTS\",\"summary\":\"s\",\"effectiveOn\":\"0000-01-01\"}}",
                "[]",
                "not json");
        for (String line : spoilt) {
            lines.write(bytes(line + "\n"));
        }
        lines.write(splice(bytes(valid + "\n"), valid.indexOf("\"P\"") + 1, new byte[]{(byte) 0xC0, (byte) 0xAF}));
        lines.write(splice(bytes(valid + "\n"), valid.indexOf("\"P\"") + 1, new byte[]{(byte) 0xFF}));
        LedgerNode.Response answer = node.importLines("?onError=continue",
                HttpRequest.BodyPublishers.ofByteArray(lines.toByteArray()));
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> results = answer.jsonLines();
        List<String> outcomes = new ArrayList<>();
        for (JsonNode result : results.subList(0, results.size() - 1)) {
            outcomes.add(result.get("status").asText() + " " + result.at("/problem/status").asInt() + " "
                    + (leaks(result.toString()) ? "LEAKS " : "") + result.at("/problem/detail").asText());
        }
        assertThat(outcomes).hasSize(spoilt.size() + 2);
        return outcomes;
    }

    /** Whether an answer shows what only the ledger's code or database should know. */
    private static boolean leaks(String body) {
        String lower = body.toLowerCase();
        return lower.contains("exception") || lower.contains("org.") || lower.contains("java.")
                || lower.contains("jackson") || lower.contains("sql") || lower.contains("select ")
                || lower.contains("insert ") || lower.contains("hikari") || lower.contains("127.0.0.1")
                || lower.contains("$");
    }

    /** A digest of everything the store holds: events, snapshots, in order, byte for byte. */
    private static String storeDigest() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        node.jdbc().query("SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, payload, metadata, "
                + "timestamp FROM domainevententry ORDER BY globalindex", row -> {
            for (int column = 1; column <= 7; column++) {
                byte[] value = row.getBytes(column);
                digest.update(value == null ? new byte[]{0} : value);
            }
        });
        node.jdbc().query("SELECT aggregateidentifier, sequencenumber, payload FROM snapshotevententry "
                + "ORDER BY aggregateidentifier, sequencenumber", row -> {
            digest.update(row.getBytes(1));
            digest.update(row.getBytes(3));
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<String> leaves(JsonNode node, String at) {
        List<String> leaves = new ArrayList<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isObject() && !field.getKey().equals("heads") && !field.getKey().equals("quantities")
                        && !field.getKey().equals("released")) {
                    leaves.addAll(leaves(field.getValue(), at + "/" + field.getKey()));
                } else {
                    leaves.add(at + "/" + field.getKey());
                }
            }
        }
        return leaves;
    }

    private static ObjectNode with(ObjectNode body, String field, String value) {
        ObjectNode copy = body.deepCopy();
        int slash = field.lastIndexOf('/');
        ObjectNode parent = slash == 0 ? copy : (ObjectNode) copy.at(field.substring(0, slash));
        parent.put(field.substring(slash + 1), value);
        return copy;
    }

    /**
     * Where the body's first free text begins (a title, name, summary, ...), where any character is
     * accepted, so that a byte spoilt there is refused for being no UTF-8 and nothing else. The
     * body's texts are ASCII, so a character's index is its byte's.
     */
    private static int freeText(String body) {
        for (String key : new String[]{"title", "name", "summary", "reason", "note", "location"}) {
            int at = body.indexOf("\"" + key + "\":\"");
            if (at >= 0) {
                return at + key.length() + 4;
            }
        }
        return body.indexOf(":\"") + 2;
    }

    private static boolean isDate(String text) {
        return text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    }

    private static String repeated(String item, int times) {
        return "[" + String.join(",", Collections.nCopies(times, item)) + "]";
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }

    private static Hostile post(String label, String path, byte[] body) {
        return new Hostile(label, n -> n.post(path, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
        byte[] spliced = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, spliced, 0, at);
        System.arraycopy(inserted, 0, spliced, at, inserted.length);
        System.arraycopy(bytes, at, spliced, at + inserted.length, bytes.length - at);
        return spliced;
    }
}
