package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows an earlier release stored, kept as JSON Lines under a test resource folder (one object a
 * row of {@code domainevententry} or {@code snapshotevententry}, payload and metadata as JSON),
 * put back into a store.
 */
final class StoredRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = "INSERT INTO %s (aggregateidentifier, sequencenumber, type, "
            + "eventidentifier, payloadtype, payloadrevision, timestamp, metadata, payload) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final String folder;

    StoredRows(String folder) {
        this.folder = folder;
    }

    void load(Connection connection, String file, String table) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT.formatted(table))) {
            for (JsonNode row : lines(file)) {
                insert.setString(1, row.get("aggregateIdentifier").asText());
                insert.setLong(2, row.get("sequenceNumber").asLong());
                insert.setString(3, row.get("type").asText());
                insert.setString(4, row.get("eventIdentifier").asText());
                insert.setString(5, row.get("payloadType").asText());
                insert.setString(6, row.get("payloadRevision").textValue());
                insert.setString(7, row.get("timestamp").asText());
                insert.setBytes(8, bytes(row.get("metadata")));
                insert.setBytes(9, bytes(row.get("payload")));
                insert.executeUpdate();
            }
        }
    }

    List<JsonNode> lines(String file) {
        return text(file).lines().filter(line -> !line.isBlank()).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    String text(String file) {
        try (InputStream in = StoredRows.class.getResourceAsStream("/" + folder + "/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
