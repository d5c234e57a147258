package org.negotiationledger.projections.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.serialization.LedgerSerialization;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What every view does when it moves values between Java and its tables: times as UTC
 * timestamps with zone, dates as dates, lists and maps as JSON text in the ledger's own format.
 */
public final class Rows {

    private static final TypeReference<List<Source>> SOURCES = new TypeReference<>() {
    };

    private static final ObjectMapper JSON = LedgerSerialization.objectMapper();

    private Rows() {
    }

    /** Whether a view's table of negotiations holds the negotiation. */
    public static boolean knows(JdbcTemplate jdbc, String table, String negotiationId) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE negotiation_id = ?", Integer.class,
                negotiationId);
        return rows != null && rows > 0;
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Whether the row's record was retracted by {@code at}: its column {@code retracted_known_from} is not after it. */
    public static boolean retractedBy(ResultSet row, Instant at) throws SQLException {
        Instant retracted = instant(row, "retracted_known_from");
        return retracted != null && !retracted.isAfter(at);
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    public static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return json == null ? null : read(json, JSON.getTypeFactory().constructType(type));
    }

    /** The sources a column holds as a JSON list; none when it holds nothing. */
    public static List<Source> sources(ResultSet row, String column) throws SQLException {
        List<Source> sources = fromJson(row.getString(column), SOURCES);
        return sources == null ? List.of() : sources;
    }

    public static <T> T fromJson(String json, TypeReference<T> type) {
        return json == null ? null : read(json, JSON.getTypeFactory().constructType(type));
    }

    private static <T> T read(String json, com.fasterxml.jackson.databind.JavaType type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view holds JSON it cannot read: " + e.getOriginalMessage(), e);
        }
    }
}
