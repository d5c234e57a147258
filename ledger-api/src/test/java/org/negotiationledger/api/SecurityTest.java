package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what: every endpoint family without credentials, with the wrong role and the right one. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityTest {

    private static LedgerNode node;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.freshSchema("ledger_security_it"));
        for (Istanbul.Post post : Istanbul.setUp()) {
            assertThat(node.as(LedgerNode.RECORDER).post(post.path(), post.body()).status()).isEqualTo(201);
        }
        node.awaitViews();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** A request of one endpoint family, sent as {@code who}. */
    private static int status(LedgerNode who, String method, String path) {
        return switch (method) {
            case "GET" -> who.get(path).status();
            case "POST" -> who.post(path, path.contains("/admin/") ? "" : """
                    {"id":"t-%d","title":"A topic"}""".formatted(System.nanoTime())).status();
            default -> throw new IllegalArgumentException(method);
        };
    }

    @Test
    void everyEndpointFamilyNeedsCredentials() {
        LedgerNode nobody = node.as(null, null);
        for (String[] endpoint : List.of(
                new String[]{"POST", Istanbul.N + "/topics"},
                new String[]{"GET", "/api/negotiations"},
                new String[]{"GET", Istanbul.N + "/positions"},
                new String[]{"GET", Istanbul.N + "/exchanges"},
                new String[]{"GET", Istanbul.N + "/meetings"},
                new String[]{"GET", "/api/audit"},
                new String[]{"GET", Istanbul.N + "/verify"},
                new String[]{"GET", Istanbul.N + "/checkpoint"},
                new String[]{"GET", "/api/admin/projections"},
                new String[]{"POST", "/api/admin/projections/positions/replay"},
                new String[]{"GET", "/v3/api-docs"},
                new String[]{"GET", "/swagger-ui/index.html"})) {
            LedgerNode.Response response = endpoint[0].equals("GET") ? nobody.get(endpoint[1])
                    : nobody.post(endpoint[1], "{}");
            assertThat(response.status()).as(endpoint[0] + " " + endpoint[1]).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=");
            assertThat(response.json().get("type").asText()).isEqualTo("/problems/unauthenticated");
        }
        assertThat(nobody.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefused() {
        LedgerNode.Response response = node.as(LedgerNode.READER, "guess").get("/api/negotiations");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asText()).isEqualTo("the user name or password is wrong");
        assertThat(node.as("nobody", "guess").get("/api/negotiations").status()).isEqualTo(401);
    }

    @Test
    void readersReadButDoNotRecord() {
        LedgerNode reader = node.as(LedgerNode.READER);
        for (String path : List.of("/api/negotiations", Istanbul.N + "/positions", "/api/audit", Istanbul.N
                + "/verify", "/api/admin/projections", "/v3/api-docs")) {
            assertThat(status(reader, "GET", path)).as(path).isEqualTo(200);
        }
        LedgerNode.Response refused = reader.post(Istanbul.N + "/topics", """
                {"id":"by-reader","title":"No"}""");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(status(reader, "POST", "/api/admin/projections/positions/replay")).isEqualTo(403);
    }

    @Test
    void recordersRecordButDoNotReplay() {
        LedgerNode recorder = node.as(LedgerNode.RECORDER);

        assertThat(status(recorder, "POST", Istanbul.N + "/topics")).isEqualTo(201);
        assertThat(status(recorder, "GET", Istanbul.N + "/positions")).isEqualTo(200);
        assertThat(status(recorder, "POST", "/api/admin/projections/meetings/replay")).isEqualTo(403);
    }

    @Test
    void adminsDoEverything() {
        LedgerNode admin = node.as(LedgerNode.ADMIN);

        assertThat(status(admin, "POST", Istanbul.N + "/topics")).isEqualTo(201);
        assertThat(status(admin, "GET", "/api/audit")).isEqualTo(200);
        assertThat(status(admin, "POST", "/api/admin/projections/meetings/replay")).isEqualTo(202);
    }

    @Test
    void theAuditTrailNamesTheUserWhoSentEachCommand() {
        LedgerNode.Response recorded = node.as(LedgerNode.OTHER_RECORDER).post(Istanbul.N + "/topics", """
                {"id":"by-boris","title":"Air defence"}""");
        long position = recorded.json().get("position").asLong();

        JsonNode entries = node.as(LedgerNode.READER).get(Istanbul.N + "/audit?type=TopicAdded&limit=1000&waitFor="
                + position).json().get("entries");

        assertThat(entries.get(0).get("recordedBy").asText()).isEqualTo(LedgerNode.RECORDER);
        assertThat(entries.get(entries.size() - 1).get("payload").get("topicId").asText()).isEqualTo("by-boris");
        assertThat(entries.get(entries.size() - 1).get("recordedBy").asText()).isEqualTo(LedgerNode.OTHER_RECORDER);
    }

    @Test
    void aClientThatFailsToLogInTooOftenMustWait(@TempDir Path dataDir) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ledger.data-dir", dataDir.toString());
        properties.put("ledger.security.failed-logins.max", "3");
        try (LedgerNode guarded = LedgerNode.start(properties)) {
            for (int i = 0; i < 3; i++) {
                assertThat(guarded.as(LedgerNode.READER, "guess-" + i).get("/api/negotiations").status())
                        .isEqualTo(401);
            }
            LedgerNode.Response turnedAway = guarded.as(LedgerNode.READER).get("/api/negotiations");

            assertThat(turnedAway.status()).isEqualTo(429);
            assertThat(turnedAway.json().get("type").asText()).isEqualTo("/problems/too-many-failed-logins");
            assertThat(Integer.parseInt(turnedAway.header("Retry-After"))).isBetween(1, 60);
            assertThat(guarded.as(null, null).get("/actuator/health").status()).isEqualTo(200);
        }
    }

    @Test
    void withNoUserConfiguredTheLedgerMakesAnAdminOnceAndKeepsOnlyTheHash(@TempDir Path dataDir,
                                                                          CapturedOutput output) throws IOException {
        Map<String, Object> embedded = Map.of("ledger.data-dir", dataDir.toString());
        String password;
        try (LedgerNode first = LedgerNode.startBare(embedded)) {
            Matcher printed = Pattern.compile("user: admin\\s+password: (\\S+)").matcher(output.getOut());
            assertThat(printed.find()).as("the password is printed at the first start").isTrue();
            password = printed.group(1);
            assertThat(first.as("admin", password).get("/api/negotiations").status()).isEqualTo(200);
            assertThat(first.as("admin", "wrong").get("/api/negotiations").status()).isEqualTo(401);
        }
        Path kept = dataDir.resolve("admin-password.hash");
        assertThat(Files.readString(kept)).startsWith("{bcrypt}").doesNotContain(password);

        try (LedgerNode second = LedgerNode.startBare(embedded)) {
            assertThat(second.as("admin", password).get("/api/negotiations").status()).isEqualTo(200);
        }
        assertThat(Pattern.compile("No user is configured").matcher(output.getOut()).results().count())
                .as("printed once, at the first start only").isEqualTo(1);
    }

    @Test
    void theAdminPasswordCanBeSetAndUsersCanBeGivenAsHashes(@TempDir Path dataDir) {
        Map<String, Object> properties = Map.of("ledger.data-dir", dataDir.toString(),
                "LEDGER_ADMIN_PASSWORD", "chosen-by-ops",
                "ledger.security.users.carol.role", "reader",
                "ledger.security.users.carol.password", "{bcrypt}" + new BCryptPasswordEncoder().encode("carols"));
        try (LedgerNode configured = LedgerNode.startBare(properties)) {
            assertThat(configured.as("admin", "chosen-by-ops").get("/api/admin/projections").status())
                    .isEqualTo(200);
            assertThat(configured.as("carol", "carols").get("/api/negotiations").status()).isEqualTo(200);
            assertThat(configured.as("carol", "carols").post("/api/negotiations", "{}").status()).isEqualTo(403);
        }
        assertThat(dataDir.resolve("admin-password.hash")).doesNotExist();
    }
}
