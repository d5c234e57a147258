package org.negotiationledger.api.integrity;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.serialization.Serializer;
import org.negotiationledger.api.problems.LineReader;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.storage.EventRows;
import org.negotiationledger.core.api.EventTypes;
import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.Values;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Moves a whole ledger: an export writes every stored event as it is stored, in the store's
 * order, and a trailer that says what the whole export holds; a restore stores such a file into an
 * empty ledger, at the same global positions, all of it or nothing, and keeps it only when it is
 * whole and every negotiation's hash chain verifies. The hashes do not depend on the database,
 * so a ledger moves from the embedded H2 to PostgreSQL (or back) with its chains intact.
 */
@Component
class LedgerBackup {

    /** Rows stored per batch while restoring. */
    private static final int BATCH = 500;
    /** The longest line of an export: an event of the largest command (1 MiB) with its metadata, and room. */
    private static final int LINE_BYTES = 4 << 20;

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
    private final Serializer serializer;

    LedgerBackup(EventRows rows, ChainVerifier verifier, PlatformTransactionManager transactions,
                 @Qualifier("eventSerializer") Serializer serializer) {
        this.rows = rows;
        this.serializer = serializer;
        this.verifier = verifier;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Writes every stored event as one JSON line, in the store's order, with its global position;
     * then the trailer: how many events, each negotiation's count and head hash, and the SHA-256
     * of every line before it, so that a restore can tell an export that is not whole.
     */
    void export(OutputStream out) {
        MessageDigest digest = Sha256.digest();
        Map<String, ExportTrailer.Negotiation> negotiations = new TreeMap<>();
        long[] events = {0};
        rows.forEachInStoreOrder(row -> {
            try {
                JsonNode metadata = row.metadata() == null ? null : JSON.readTree(row.metadata());
                JsonNode hash = metadata == null ? null : metadata.get(EventSeal.HASH);
                String sealed = hash == null ? null : hash.asText();
                byte[] line = line(new ExportedEvent(row.position(), row.negotiationId(), row.sequence(),
                        row.eventId(), EventTypes.name(row.payloadType()), row.payloadRevision(), row.timestamp(),
                        sealed, firstForm(row, metadata), metadata, JSON.readTree(row.payload())));
                digest.update(line);
                out.write(line);
                events[0]++;
                negotiations.merge(row.negotiationId(), new ExportTrailer.Negotiation(1, sealed),
                        (before, now) -> new ExportTrailer.Negotiation(before.events() + 1, now.headHash()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            out.write(line(new TrailerLine(new ExportTrailer(events[0], negotiations,
                    HexFormat.of().formatHex(digest.digest())))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a first-form seal covers besides the columns; null for later forms or a payload that is no event. */
    private ExportedEvent.FirstForm firstForm(EventRows.Row row, JsonNode metadata) {
        if (metadata == null || metadata.has(EventSeal.HASH_FORM)) {
            return null;
        }
        try {
            LocalDate effectiveOn = StoredEvent.of(row).effectiveOn(serializer);
            return new ExportedEvent.FirstForm(effectiveOn == null ? null : effectiveOn.toString());
        } catch (IOException unreadable) {
            return null; // the export holds the event as stored; a verification names it
        }
    }

    private static byte[] line(Object value) throws IOException {
        byte[] json = JSON.writeValueAsBytes(value);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    /** The last line of an export. */
    record TrailerLine(ExportTrailer trailer) {
    }

    /** What a restore stored: how many events, and each negotiation's head hash. */
    record Restored(long events, Map<String, String> heads) {
    }

    /**
     * Stores an export into this ledger, which must hold no event yet, at the global positions the
     * events had: cursors, page tokens and waitFor values of the old ledger mean the same here.
     * Every line is checked (a known event type, values any record may hold, each negotiation's
     * sequence from 0 without a hole, positions rising, no event twice), then the trailer (the
     * export is whole: every negotiation, every event, the digest of every line) and every
     * negotiation's chain, before anything is kept. A refused restore leaves the ledger as it was.
     */
    Restored restore(InputStream in) {
        return transaction.execute(status -> {
            if (!rows.empty()) {
                throw new ProblemException(ProblemType.ID_CONFLICT, "the ledger already holds events; a restore goes "
                        + "into an empty ledger only");
            }
            Reading reading = new Reading();
            try {
                LineReader reader = LineReader.stoppingAtLongLines(in, LINE_BYTES, false);
                for (LineReader.Line read = reader.next(); read != null; read = reader.next()) {
                    reading.line(read);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the export could not be read to its end", e);
            }
            rows.insertAtPositions(reading.batch);
            Map<String, String> heads = new HashMap<>();
            for (String negotiationId : reading.next.keySet()) {
                Verification verification = verifier.verify(negotiationId).orElseThrow();
                if (!verification.intact()) {
                    throw new ProblemException(ProblemType.CHAIN_BROKEN, "negotiation '" + negotiationId
                            + "' in the export does not verify at event " + verification.firstBroken().sequence()
                            + "; nothing was restored").with("negotiationId", negotiationId);
                }
                heads.put(negotiationId, verification.headHash());
            }
            ExportTrailer trailer = reading.whole(heads);
            if (reading.lastPosition > 0) {
                rows.continuePositionsAfter(reading.lastPosition);
            }
            return new Restored(trailer.events(), heads);
        });
    }

    /** One pass over an export's lines: each checked, stored in batches, and counted for the trailer. */
    private final class Reading {

        private final Map<String, Long> next = new LinkedHashMap<>();
        private final Set<String> eventIds = new HashSet<>();
        private final MessageDigest digest = Sha256.digest();
        private final List<EventRows.Row> batch = new ArrayList<>();
        private long lines;
        private long events;
        private long lastPosition;
        private ExportTrailer trailer;

        void line(LineReader.Line read) {
            lines++;
            if (read.problem() != null) {
                throw refused(lines, read.problem() == LineReader.Problem.TOO_LONG
                        ? "is longer than " + LINE_BYTES + " bytes, more than any event takes" : "is not UTF-8 text");
            }
            String line = read.text();
            if (line.isBlank()) {
                return;
            }
            if (trailer != null) {
                throw refused(lines, "comes after the trailer, which ends an export");
            }
            JsonNode node = tree(line, lines);
            if (node.has("trailer")) {
                trailer = trailer(node, lines);
                return;
            }
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            EventRows.Row row = row(node, lines);
            long expected = next.getOrDefault(row.negotiationId(), 0L);
            if (row.sequence() != expected) {
                throw refused(lines, "holds event " + row.sequence() + " of negotiation '" + row.negotiationId()
                        + "' where event " + expected + " comes next");
            }
            if (row.position() <= lastPosition) {
                throw refused(lines, "has the position " + row.position() + ", which does not come after "
                        + lastPosition + ", the position of the event before it");
            }
            if (!eventIds.add(row.eventId())) {
                throw refused(lines, "holds event '" + row.eventId() + "' a second time");
            }
            next.put(row.negotiationId(), expected + 1);
            lastPosition = row.position();
            events++;
            batch.add(row);
            if (batch.size() == BATCH) {
                rows.insertAtPositions(batch);
                batch.clear();
            }
        }

        /** The trailer, once it has been checked against what was read and the negotiations' {@code heads}. */
        ExportTrailer whole(Map<String, String> heads) {
            if (trailer == null) {
                throw notWhole("the export ends without its trailer: it was cut short, or made by a release "
                        + "that wrote none (export it again)");
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(trailer.digest())) {
                throw notWhole("the lines of the export are not those its trailer's digest was taken of");
            }
            if (trailer.events() != events) {
                throw notWhole("the export holds " + events + " events; its trailer says " + trailer.events());
            }
            for (Map.Entry<String, ExportTrailer.Negotiation> negotiation : trailer.negotiations().entrySet()) {
                Long held = next.get(negotiation.getKey());
                if (held == null || held != negotiation.getValue().events()) {
                    throw notWhole("the export holds " + (held == null ? 0 : held) + " events of negotiation '"
                            + negotiation.getKey() + "'; its trailer says " + negotiation.getValue().events());
                }
            }
            for (String negotiationId : next.keySet()) {
                ExportTrailer.Negotiation said = trailer.negotiations().get(negotiationId);
                if (said == null) {
                    throw notWhole("negotiation '" + negotiationId + "' is not in the export's trailer");
                }
                if (!heads.get(negotiationId).equals(said.headHash())) {
                    throw notWhole("negotiation '" + negotiationId + "' ends at another event than the trailer "
                            + "says");
                }
            }
            return trailer;
        }
    }

    private static JsonNode tree(String line, long number) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw refused(number, "is not an exported event");
            }
            return node;
        } catch (IOException e) {
            throw refused(number, "is not an exported event");
        }
    }

    private static ExportTrailer trailer(JsonNode node, long number) {
        try {
            ExportTrailer trailer = JSON.treeToValue(node.get("trailer"), ExportTrailer.class);
            if (trailer.negotiations() == null || trailer.digest() == null) {
                throw refused(number, "is a trailer without its negotiations or digest");
            }
            return trailer;
        } catch (IOException e) {
            throw refused(number, "is not an export's trailer");
        }
    }

    private static ProblemException notWhole(String why) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, why + "; nothing was restored");
    }

    private static EventRows.Row row(JsonNode line, long number) {
        ExportedEvent event;
        try {
            event = JSON.treeToValue(line, ExportedEvent.class);
        } catch (IOException e) {
            throw refused(number, "is not an exported event");
        }
        if (event.position() == null || event.position() < 1 || event.negotiationId() == null
                || event.eventId() == null || event.recordedAt() == null || event.payload() == null
                || !event.payload().isObject()) {
            throw refused(number, "lacks the position, negotiation, event id, recording time or payload of an "
                    + "event");
        }
        JsonNode sealed = event.metadata() == null ? null : event.metadata().get(EventSeal.HASH);
        if (sealed == null || !sealed.asText().equals(event.hash())) {
            throw refused(number, "has a hash that is not the one sealed in its metadata");
        }
        String type = event.type() == null ? null : EventTypes.storedName(event.type());
        if (type == null) {
            throw refused(number, "has the type '" + event.type() + "', which is no event of the ledger");
        }
        EventRows.Row row;
        try {
            row = new EventRows.Row(event.position(), event.negotiationId(), event.sequence(), event.eventId(), type,
                    event.revision(), JSON.writeValueAsBytes(event.payload()),
                    event.metadata() == null || event.metadata().isNull() ? null
                            : JSON.writeValueAsBytes(event.metadata()), event.recordedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        requireValues(row, number);
        return row;
    }

    /**
     * The event as the ledger would load it (upcast to the current revision) holds only what a
     * command could have put in it: the same rules every command passes ({@link Values}).
     */
    private static void requireValues(EventRows.Row row, long line) {
        Object payload;
        try {
            payload = row.loadedPayload();
        } catch (RuntimeException unreadable) {
            throw refused(line, "holds a payload that is no " + EventTypes.name(row.payloadType())
                    + " event of revision " + row.payloadRevision());
        }
        try {
            Values.check((Record) payload);
        } catch (InvalidValueException invalid) {
            throw refused(line, "holds a value no record of the ledger may hold: " + invalid.getMessage())
                    .with("field", invalid.field());
        }
    }

    private static ProblemException refused(long line, String what) {
        return new ProblemException(ProblemType.MALFORMED_REQUEST, "line " + line + " of the export " + what
                + "; nothing was restored").with("line", line);
    }
}
