package org.negotiationledger.api.integrity;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.storage.EventRows;
import org.negotiationledger.core.api.EventTypes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves a whole ledger: an export writes every stored event as it is stored, in the store's
 * order; a restore stores such a file into an empty ledger, all of it or nothing, and keeps it
 * only when every negotiation's hash chain verifies. The hashes do not depend on the database,
 * so a ledger moves from the embedded H2 to PostgreSQL (or back) with its chains intact.
 */
@Component
class LedgerBackup {

    /** Rows stored per batch while restoring. */
    private static final int BATCH = 500;
    private static final Set<String> EVENT_TYPES = EventTypes.STORED_NAMES;

    /** Numbers are read and written exactly as stored: no rounding through double. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private final EventRows rows;
    private final ChainVerifier verifier;
    private final TransactionTemplate transaction;

    LedgerBackup(EventRows rows, ChainVerifier verifier, PlatformTransactionManager transactions) {
        this.rows = rows;
        this.verifier = verifier;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Writes every stored event as one JSON line, in the store's order. */
    void export(OutputStream out) {
        rows.forEachInStoreOrder(row -> {
            try {
                JsonNode metadata = row.metadata() == null ? null : JSON.readTree(row.metadata());
                JsonNode hash = metadata == null ? null : metadata.get(EventSeal.HASH);
                JSON.writeValue(out, new ExportedEvent(row.negotiationId(), row.sequence(), row.eventId(),
                        row.payloadType(), row.payloadRevision(), row.timestamp(),
                        hash == null ? null : hash.asText(), metadata, JSON.readTree(row.payload())));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What a restore stored: how many events, and each negotiation's head hash. */
    record Restored(long events, Map<String, String> heads) {
    }

    /**
     * Stores an export into this ledger, which must hold no event yet. Every line is checked
     * (a known event type, each negotiation's sequence from 0 without a hole), then every
     * negotiation's chain is verified before anything is kept.
     */
    Restored restore(InputStream in) {
        return transaction.execute(status -> {
            if (!rows.empty()) {
                throw new ProblemException(ProblemType.ID_CONFLICT, "the ledger already holds events; a restore goes "
                        + "into an empty ledger only");
            }
            Map<String, Long> next = new LinkedHashMap<>();
            List<EventRows.Row> batch = new ArrayList<>();
            long lines = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines++;
                    if (line.isBlank()) {
                        continue;
                    }
                    EventRows.Row row = row(line, lines);
                    long expected = next.getOrDefault(row.negotiationId(), 0L);
                    if (row.sequence() != expected) {
                        throw refused(lines, "holds event " + row.sequence() + " of negotiation '"
                                + row.negotiationId() + "' where event " + expected + " comes next");
                    }
                    next.put(row.negotiationId(), expected + 1);
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        rows.insert(batch);
                        batch.clear();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the export could not be read to its end", e);
            }
            rows.insert(batch);
            Map<String, String> heads = new HashMap<>();
            long events = 0;
            for (String negotiationId : next.keySet()) {
                Verification verification = verifier.verify(negotiationId).orElseThrow();
                if (!verification.intact()) {
                    throw new ProblemException(ProblemType.CHAIN_BROKEN, "negotiation '" + negotiationId
                            + "' in the export does not verify at event " + verification.firstBroken().sequence()
                            + "; nothing was restored").with("negotiationId", negotiationId);
                }
                heads.put(negotiationId, verification.headHash());
                events += verification.events();
            }
            return new Restored(events, heads);
        });
    }

    private static EventRows.Row row(String line, long number) {
        ExportedEvent event;
        try {
            event = JSON.readValue(line, ExportedEvent.class);
        } catch (IOException e) {
            throw refused(number, "is not an exported event");
        }
        if (event.negotiationId() == null || event.eventId() == null || event.recordedAt() == null
                || event.payload() == null || !event.payload().isObject()) {
            throw refused(number, "lacks the negotiation, event id, recording time or payload of an event");
        }
        if (!EVENT_TYPES.contains(event.type())) {
            throw refused(number, "has the type '" + event.type() + "', which is no event of the ledger");
        }
        try {
            return new EventRows.Row(0, event.negotiationId(), event.sequence(), event.eventId(), event.type(),
                    event.revision(), JSON.writeValueAsBytes(event.payload()),
                    event.metadata() == null || event.metadata().isNull() ? null
                            : JSON.writeValueAsBytes(event.metadata()), event.recordedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException refused(long line, String what) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, "line " + line + " of the export " + what
                + "; nothing was restored").with("line", line);
    }
}
