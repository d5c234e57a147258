package org.negotiationledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The query baseline a user would build instead of the ledger: the same best SQL behind a minimal
 * HTTP endpoint (the JDK's HTTP server, JSON by Jackson, a Basic authorization header checked, no
 * framework). {@code GET /matrix?negotiation=…&asOf=…} and {@code GET /audit?negotiation=…}.
 */
final class PlainHttpViews implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Without it the JDK's server waits for the client's delayed ACK between the headers and the
        // body, 40 ms per answer: a trap a user would find and set, not a cost of the baseline.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final ThreadLocal<Connection> connections;
    private final List<Connection> opened = new ArrayList<>();
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    PlainHttpViews(Database database, String authorization, String matrixSql, String auditSql) throws IOException {
        this.authorization = authorization;
        this.connections = ThreadLocal.withInitial(() -> {
            try {
                Connection connection = database.connect();
                synchronized (opened) {
                    opened.add(connection);
                }
                return connection;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(workers);
        server.createContext("/matrix", exchange -> answer(exchange, query -> rows(matrixSql,
                Date.valueOf(LocalDate.parse(query.getOrDefault("asOf", "9999-12-31"))), query.get("negotiation"))));
        server.createContext("/audit", exchange -> answer(exchange, query -> rows(auditSql, query.get("negotiation"))));
        server.start();
    }

    /** Also serves {@code GET /history?negotiation=…&party=…&topic=…} with this SQL. */
    void serveHistory(String historySql) {
        server.createContext("/history", exchange -> answer(exchange, query -> rows(historySql,
                query.get("negotiation"), query.get("party"), query.get("topic"))));
    }

    /**
     * GETs a path of the endpoint as a user's code would (with the authorization, the answer read
     * into a JSON tree as a generated client reads the ledger's); fails on any status but 200.
     */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.getAddress().getPort() + path)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    @FunctionalInterface
    private interface Rows {
        List<Map<String, Object>> read(Map<String, String> query) throws SQLException;
    }

    private void answer(HttpExchange exchange, Rows rows) throws IOException {
        try (exchange) {
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body = JSON.writeValueAsBytes(rows.read(query(exchange.getRequestURI())));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    private List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connections.get().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        row.put(columns.getColumnLabel(c), String.valueOf(result.getObject(c)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        synchronized (opened) {
            for (Connection connection : opened) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // closing anyway
                }
            }
        }
    }
}
