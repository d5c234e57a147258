package org.negotiationledger.core.serialization;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How the ledger stores its messages: JSON, dates as ISO strings, numbers as written. The
 * mapper is the ledger's own, never the web layer's, so that a web setting cannot silently
 * change the stored event format.
 */
public final class LedgerSerialization {

    private LedgerSerialization() {
    }

    public static ObjectMapper objectMapper() {
        // Field names are not interned: a snapshot's maps are keyed by ids, thousands of distinct
        // names that would churn Jackson's small, synchronized intern table on every load.
        JsonFactory factory = JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Fields added in a later revision must not break reading older code's view of an event.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    /** The serializer for events, snapshots, messages and tracking tokens. */
    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }
}
