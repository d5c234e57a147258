package org.negotiationledger.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench's sign-in over plain HTTP, as a browser does it: a form, a session cookie, and a
 * CSRF token on every change; API clients keep HTTP Basic and get no session.
 */
class BrowserSignInTest {

    private static Map<String, Object> database;
    private static LedgerNode node;

    @BeforeAll
    static void start() {
        database = TestDatabase.freshSchema("ledger_sign_in_it");
        node = LedgerNode.start(database);
        for (Istanbul.Post post : Istanbul.setUp()) {
            assertThat(node.as(LedgerNode.RECORDER).post(post.path(), post.body()).status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anApiClientWithBasicGetsNoSession() {
        LedgerNode.Response session = node.as(LedgerNode.READER).get("/api/session");

        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().get("user").asText()).isEqualTo(LedgerNode.READER);
        assertThat(session.json().get("role").asText()).isEqualTo("READER");
        assertThat(session.header("Set-Cookie")).isNull();
    }

    @Test
    void aSignedInBrowserReadsAndRecordsOnlyWithThePagesToken() throws Exception {
        Visitor browser = new Visitor(node.base());
        assertThat(browser.signIn(LedgerNode.RECORDER, LedgerNode.password(LedgerNode.RECORDER)))
                .isEqualTo(node.base() + "/");
        assertThat(browser.setCookies).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=")
                .contains("HttpOnly", "SameSite=Lax"));
        HttpResponse<String> who = browser.send(browser.request("/api/session").GET());
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.body()).contains("\"user\":\"anna\"", "\"role\":\"RECORDER\"");

        String topic = "{\"id\":\"csrf-topic\",\"title\":\"Sent without the token\"}";
        HttpResponse<String> withoutToken = browser.send(browser.request(Istanbul.N + "/topics")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(topic)));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("/problems/stale-page-token", "reload the page");
        assertThat(node.get(Istanbul.N + "?waitFor=" + node.get("/api/admin/projections").json().get("head").asLong()).body())
                .doesNotContain("csrf-topic");

        browser.go("/");
        HttpResponse<String> withToken = browser.send(browser.request(Istanbul.N + "/topics")
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(topic)));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
    }

    @Test
    void aReadersSessionDoesNotRecord() throws Exception {
        Visitor browser = new Visitor(node.base());
        browser.signIn(LedgerNode.READER, LedgerNode.password(LedgerNode.READER));
        browser.go("/");
        HttpResponse<String> refused = browser.send(browser.request(Istanbul.N + "/topics")
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"reader-topic\",\"title\":\"No\"}")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("/problems/forbidden");
    }

    @Test
    void aSignInWithoutTheFormsTokenOrWithAWrongPasswordGoesBackToTheForm() throws Exception {
        Visitor browser = new Visitor(node.base());
        HttpResponse<String> noToken = browser.send(browser.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=anna&password=anna-password")));
        assertThat(noToken.statusCode()).isEqualTo(302);
        assertThat(noToken.headers().firstValue("Location").orElseThrow()).endsWith("/login?stale");

        assertThat(browser.signIn(LedgerNode.RECORDER, "wrong")).endsWith("/login?error");
        assertThat(browser.send(browser.request("/api/session").GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void theWorkbenchsOwnRequestsAreNotChallengedSoTheBrowserOpensNoDialog() throws Exception {
        Visitor browser = new Visitor(node.base());
        HttpResponse<String> page = browser.send(browser.request("/api/session").GET());
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(page.body()).contains("/problems/unauthenticated");

        LedgerNode.Response client = node.as(null, null).get("/api/session");
        assertThat(client.status()).isEqualTo(401);
        assertThat(client.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Negotiation Ledger\"");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Visitor browser = new Visitor(node.base());
        browser.signIn(LedgerNode.READER, LedgerNode.password(LedgerNode.READER));
        browser.go("/");
        HttpResponse<String> out = browser.send(HttpRequest.newBuilder(URI.create(node.base() + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + browser.cookie("XSRF-TOKEN"))));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");
        assertThat(browser.send(browser.request("/api/session").GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void theWorkbenchAndItsSignInFormAreServedToAnyoneAndHoldNoData() throws Exception {
        Visitor browser = new Visitor(node.base());
        HttpResponse<String> page = browser.go("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"/workbench/app.js\"></script>")
                .doesNotContain("ru-ua-2025");
        assertThat(browser.go("/login").body()).contains("<form method=\"post\" action=\"/login\">");
        assertThat(browser.go("/workbench/app.js").statusCode()).isEqualTo(200);
        assertThat(browser.go("/webjars/echarts/5.3.1/dist/echarts.esm.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void failedSignInsCountTowardsTheSameLimitAsBasic(@TempDir Path dataDir) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ledger.data-dir", dataDir.toString());
        properties.put("ledger.security.failed-logins.max", "3");
        try (LedgerNode guarded = LedgerNode.start(properties)) {
            Visitor browser = new Visitor(guarded.base());
            for (int i = 0; i < 3; i++) {
                assertThat(browser.signIn(LedgerNode.READER, "guess-" + i)).endsWith("/login?error");
            }
            assertThat(browser.signIn(LedgerNode.READER, LedgerNode.password(LedgerNode.READER)))
                    .containsPattern("/login\\?wait=\\d+$");
            assertThat(guarded.as(LedgerNode.READER).get("/api/negotiations").status()).isEqualTo(429);
        }
    }

    /** A browser without a script engine: it keeps cookies and follows nothing by itself. */
    @Test
    void aSignedInBrowserIsKnownOnEveryNodeAndARestartSignsNobodyOut() throws Exception {
        Visitor browser = new Visitor(node.base());
        browser.signIn(LedgerNode.RECORDER, LedgerNode.password(LedgerNode.RECORDER));
        browser.go("/");
        String session = "SESSION=" + browser.cookie("SESSION");
        LedgerNode other = LedgerNode.start(database);
        try {
            HttpResponse<String> who = browser.send(HttpRequest.newBuilder(URI.create(other.base() + "/api/session"))
                    .header("Cookie", session).header("X-Requested-With", "workbench"));
            assertThat(who.statusCode()).isEqualTo(200);
            assertThat(who.body()).contains("\"user\":\"anna\"");
            String topic = "{\"id\":\"other-node-topic\",\"title\":\"Recorded on the other node\"}";
            HttpResponse<String> recorded = browser.send(HttpRequest.newBuilder(URI.create(other.base() + Istanbul.N
                            + "/topics")).header("Cookie", session + "; XSRF-TOKEN=" + browser.cookie("XSRF-TOKEN"))
                    .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")).header("X-Requested-With", "workbench")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(topic)));
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        } finally {
            other.close();
        }
        LedgerNode restarted = LedgerNode.start(database);
        try {
            HttpResponse<String> still = browser.send(HttpRequest.newBuilder(URI.create(restarted.base()
                    + "/api/session")).header("Cookie", session).header("X-Requested-With", "workbench"));
            assertThat(still.statusCode()).isEqualTo(200);
            assertThat(still.body()).contains("\"user\":\"anna\"");

            browser.send(browser.request("/logout").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + browser.cookie("XSRF-TOKEN"))));
            HttpResponse<String> signedOut = browser.send(HttpRequest.newBuilder(URI.create(restarted.base()
                    + "/api/session")).header("Cookie", session).header("X-Requested-With", "workbench"));
            assertThat(signedOut.statusCode()).isEqualTo(401);
        } finally {
            restarted.close();
        }
    }

    private static final class Visitor {

        private final String base;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;

        Visitor(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("X-Requested-With", "workbench");
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> go(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
        }

        /** The cookies the last sign-in set, as the Set-Cookie headers said them. */
        private List<String> setCookies = List.of();

        /** Opens the form, posts it with its token, and answers where the ledger sends the browser next. */
        String signIn(String user, String password) throws IOException, InterruptedException {
            go("/login");
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + cookie("XSRF-TOKEN");
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(answer.statusCode()).isEqualTo(302);
            setCookies = answer.headers().allValues("Set-Cookie");
            return answer.headers().firstValue("Location").orElseThrow();
        }
    }
}
