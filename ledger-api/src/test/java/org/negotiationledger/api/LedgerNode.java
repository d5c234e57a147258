package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;

/**
 * One running ledger for a test: the real application on a random port, spoken to over real
 * HTTP, with a JDBC handle on its database to check what was stored. It knows four users, one
 * per role plus a second recorder, and speaks as the admin unless told otherwise ({@link #as}).
 */
final class LedgerNode implements AutoCloseable {

    static final String ADMIN = "root";
    static final String RECORDER = "anna";
    static final String OTHER_RECORDER = "boris";
    static final String READER = "reader";
    private static final Map<String, String[]> USERS = Map.of(
            ADMIN, new String[]{"admin", "root-password"},
            RECORDER, new String[]{"recorder", "anna-password"},
            OTHER_RECORDER, new String[]{"recorder", "boris-password"},
            READER, new String[]{"reader", "reader-password"});

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    /** The Authorization header sent with every request, or null for none. */
    private final String authorization;
    /** Every exchange with this ledger, whoever speaks, checked against its OpenAPI description. */
    private final DescribedExchanges exchanges;

    private LedgerNode(ConfigurableApplicationContext context, String authorization) {
        this("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort(), context,
                authorization, null);
    }

    private LedgerNode(String base, ConfigurableApplicationContext context, String authorization,
                       DescribedExchanges exchanges) {
        this.context = context;
        this.base = base;
        this.authorization = authorization;
        this.exchanges = exchanges != null ? exchanges : new DescribedExchanges(this::description);
    }

    /** A ledger running in another process at {@code base}, spoken to as the admin; it has no context here. */
    static LedgerNode at(String base) {
        return new LedgerNode(base, null, basic(ADMIN, USERS.get(ADMIN)[1]), null);
    }

    /** The properties plus the test users, as every test node has them. */
    static Map<String, Object> withTestUsers(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        USERS.forEach((name, roleAndPassword) -> {
            all.putIfAbsent("ledger.security.users." + name + ".role", roleAndPassword[0]);
            all.putIfAbsent("ledger.security.users." + name + ".password", roleAndPassword[1]);
        });
        return all;
    }

    static LedgerNode start(Map<String, Object> properties) {
        return start(properties, null);
    }

    /** A node whose commands are recorded at the times {@code clock} tells (null: the system clock). */
    static LedgerNode start(Map<String, Object> properties, Clock clock) {
        return startAs(withTestUsers(properties), clock, basic(ADMIN, USERS.get(ADMIN)[1]));
    }

    /** A node with exactly the given properties: no test users, and no credentials sent. */
    static LedgerNode startBare(Map<String, Object> properties) {
        return startAs(properties, null, null);
    }

    /** Where the node answers: http://127.0.0.1:port */
    String base() {
        return base;
    }

    /** The same body, sent in chunks without announcing its length. */
    static HttpRequest.BodyPublisher chunked(HttpRequest.BodyPublisher whole) {
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                whole.subscribe(subscriber);
            }
        };
    }

    /** The Authorization header every request of this node carries (null: none). */
    String authorization() {
        return authorization;
    }

    /** The password of one of the test users. */
    static String password(String user) {
        return USERS.get(user)[1];
    }

    /** The same node, spoken to as one of the test users. */
    LedgerNode as(String user) {
        return new LedgerNode(base, context, basic(user, USERS.get(user)[1]), exchanges);
    }

    /** The port the node answers HTTP on. */
    int port() {
        return URI.create(base).getPort();
    }

    /** The same node, spoken to with these credentials (null: none). */
    LedgerNode as(String user, String password) {
        return new LedgerNode(base, context, user == null ? null : basic(user, password), exchanges);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static LedgerNode startAs(Map<String, Object> properties, Clock clock, String authorization) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", "0");
        all.putIfAbsent("ledger.snapshot-every", "5");
        // The OpenAPI validator of every exchange says at INFO what it cannot check (JSON Lines bodies).
        all.putIfAbsent("logging.level.com.atlassian.oai", "WARN");
        // As command-line arguments, so that they win over application.properties.
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder application = new SpringApplicationBuilder(LedgerApplication.class)
                .listeners(new WithoutTheDevelopersSettings());
        if (clock != null) {
            application.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock));
        }
        return new LedgerNode(application.run(args), authorization);
    }

    /**
     * The node's settings are the test's alone: none comes from the environment variables of the
     * terminal the tests run in (the README's walkthrough exports LEDGER_ADMIN_PASSWORD, and
     * SPRING_DATASOURCE_URL to run on PostgreSQL). Once Spring has read the environment, its
     * variables that are settings of the application are dropped.
     */
    static final class WithoutTheDevelopersSettings
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        /** The beginnings of the variables that set the ledger, Spring, its server, logging or Axon. */
        private static final List<String> SETTINGS = List.of("LEDGER_", "SPRING_", "SERVER_", "MANAGEMENT_",
                "LOGGING_", "AXON_", "SPRINGDOC_");

        static Map<String, Object> withoutSettings(Map<String, String> variables) {
            Map<String, Object> kept = new HashMap<>();
            variables.forEach((name, value) -> {
                String upper = name.toUpperCase(Locale.ROOT);
                if (SETTINGS.stream().noneMatch(upper::startsWith) || upper.startsWith("LEDGER_TEST_")) {
                    kept.put(name, value);
                }
            });
            return kept;
        }

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            MutablePropertySources sources = event.getEnvironment().getPropertySources();
            String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
            if (sources.contains(name)) {
                sources.replace(name, new SystemEnvironmentPropertySource(name, withoutSettings(System.getenv())));
            }
        }

        /** After Spring Boot's own handling of the environment. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** The value of a metric without labels in the node's Prometheus scrape; fails when it has none. */
    double metric(String name) {
        return get("/actuator/prometheus").body().lines().filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    /** The metric once it has the value, or as it is after {@code atMost}. */
    double awaitMetric(String name, double value, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        double seen = metric(name);
        while (seen != value && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = metric(name);
        }
        return seen;
    }

    /** Waits until every view has processed every stored event. */
    void awaitViews() {
        awaitViews(Duration.ofSeconds(30));
    }

    /** Waits until every view has reached the head, for at most {@code atMost}. */
    void awaitViews(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            JsonNode listing = get("/api/admin/projections").json();
            long head = listing.get("head").asLong();
            boolean done = true;
            for (JsonNode view : listing.get("projections")) {
                done &= view.get("position").asLong() >= head && !view.get("replaying").asBoolean();
            }
            if (done) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the views did not catch up: " + listing);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Where the node listens, e.g. http://127.0.0.1:41234. */
    String url() {
        return base;
    }

    ApplicationContext context() {
        return context;
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    long eventCount() {
        return jdbc().queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }

    Response post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), json, headers);
    }

    Response post(String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(body), null, headers);
    }

    /** Posts a multipart form: each part a file, by its field name, in order. */
    Response postForm(String path, Map<String, byte[]> files, String... headers) {
        return postParts(path, List.copyOf(files.entrySet()), headers);
    }

    /** Posts a multipart form of these parts, a name given twice making two parts. */
    Response postParts(String path, List<Map.Entry<String, byte[]>> parts, String... headers) {
        String boundary = "ledger-test-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        parts.forEach(part -> {
            String name = part.getKey();
            byte[] content = part.getValue();
            form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            form.writeBytes(content);
            form.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        form.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())), null, headers);
    }

    /** Posts JSON Lines to the importer. */
    Response importLines(String query, String lines, String... headers) {
        return send(importRequest(query, HttpRequest.BodyPublishers.ofString(lines)), lines, headers);
    }

    Response importLines(String query, HttpRequest.BodyPublisher lines, String... headers) {
        return send(importRequest(query, lines), null, headers);
    }

    private HttpRequest.Builder importRequest(String query, HttpRequest.BodyPublisher lines) {
        return HttpRequest.newBuilder(URI.create(base + "/api/import" + query))
                .header("Content-Type", "application/x-ndjson").POST(lines);
    }

    /** The entries of an audit page. */
    List<JsonNode> auditEntries(String auditPath) {
        List<JsonNode> entries = new ArrayList<>();
        get(auditPath).json().get("entries").forEach(entries::add);
        return entries;
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), null);
    }

    Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), "", headers);
    }

    /** Sends the request; {@code body} is its text, "" for none, null when the test did not keep it. */
    private Response send(HttpRequest.Builder request, String body, String... headers) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.setHeader(headers[i], headers[i + 1]);
            }
        }
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString());
            Response answer = new Response(response.statusCode(), response.headers().map(), response.body());
            exchanges.check(sent.method(), sent.uri(), sent.headers().map(), body, answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The OpenAPI description the ledger serves, or null when these credentials may not read it. */
    private String description() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the ledger, and fails when an exchange with it broke its OpenAPI description: the
     * description must tell the truth about every request the test made and every answer it got.
     */
    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
        List<String> violations = exchanges.violations();
        if (!violations.isEmpty()) {
            throw new AssertionError("answers that the OpenAPI description does not describe:\n"
                    + String.join("\n", violations));
        }
    }

    record Response(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** The body as JSON Lines. */
        List<JsonNode> jsonLines() {
            return body.lines().filter(line -> !line.isBlank()).map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (IOException e) {
                    throw new UncheckedIOException("not JSON: " + line, e);
                }
            }).toList();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
