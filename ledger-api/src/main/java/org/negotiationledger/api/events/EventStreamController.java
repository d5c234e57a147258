package org.negotiationledger.api.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.TrackingToken;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.storage.StoreHeads;
import org.negotiationledger.core.api.EventTypes;
import org.negotiationledger.core.serialization.LedgerSerialization;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The ledger's events as they are stored, from any point on, then live. */
@RestController
@Tag(name = "Events", description = "Every stored event, caught up from a point and then live")
class EventStreamController {

    static final String NDJSON = "application/x-ndjson";
    private static final Set<String> EVENT_TYPES = EventTypes.NAMES;
    /** How long one answer may stream; clients of Server-Sent Events reconnect by themselves. */
    private static final Duration LONGEST = Duration.ofHours(24);
    /** How long an EventSource waits before it reconnects, sent as the stream's retry. */
    static final Duration RETRY = Duration.ofSeconds(3);

    private final EventSubscriptions subscriptions;
    private final StoreHeads heads;
    private final ObjectMapper json = LedgerSerialization.objectMapper();

    EventStreamController(EventSubscriptions subscriptions, StoreHeads heads) {
        this.subscriptions = subscriptions;
        this.heads = heads;
    }

    @GetMapping(value = "/api/events", produces = {MediaType.TEXT_EVENT_STREAM_VALUE, NDJSON})
    @Operation(summary = "Follow the ledger's events: catch up from a point, then live", description = """
            Every stored event in the order the store holds it, from after the cursor given (after, or \
            the Last-Event-ID header on reconnect; none or 0: from the first event), then each new event \
            as it is stored, on any node. As Server-Sent Events (each event's id is its cursor, its event \
            name its type, retry 3 s) or, with Accept: application/x-ndjson, as JSON Lines. Once everything \
            stored so far has been sent, one frame says so (SSE event caught-up; a line \
            {"caughtUp":true,"cursor":…}). negotiationId (a negotiation that exists) and type keep only \
            those events; a heartbeat every 15 s carries the cursor so far. Resuming from an \
            event's cursor misses none and repeats none. When the ledger stops, a last frame (SSE event \
            shutdown; a line {"shutdown":true,"cursor":…}) says where to resume, and the answer ends. \
            With untilCaughtUp=true the answer ends after the caught-up frame: a finite read of what is \
            stored, for clients that read an answer whole (generated ones); resume from its cursor.""")
    ResponseEntity<ResponseBodyEmitter> events(@RequestParam(required = false) String after,
                                               @RequestParam(required = false) String negotiationId,
                                               @RequestParam(required = false) List<String> type,
                                               @RequestParam(defaultValue = "false") boolean untilCaughtUp,
                                               @RequestHeader(name = "Last-Event-ID", required = false)
                                               String lastEventId,
                                               @RequestHeader(name = "Accept", required = false) String accept) {
        String from = lastEventId != null && !lastEventId.isBlank() ? lastEventId : after;
        String cursorName = lastEventId != null && !lastEventId.isBlank() ? "Last-Event-ID" : "after";
        TrackingToken token = EventCursor.parse(cursorName, from);
        long head = Math.max(heads.store(), 0);
        if (token != null && token.position().orElse(0) > head) {
            // Events stored later would take the positions up to the cursor, and the stream would skip them.
            throw ProblemException.invalidParameter(cursorName, "is past the last event of the ledger, " + head
                    + "; a cursor is the id of an event this stream sent").with("head", head);
        }
        Set<String> types = new TreeSet<>();
        if (type != null) {
            type.stream().flatMap(t -> Arrays.stream(t.split(","))).map(String::strip).filter(t -> !t.isEmpty())
                    .forEach(types::add);
        }
        for (String name : types) {
            if (!EVENT_TYPES.contains(name)) {
                throw ProblemException.invalidParameter("type", "names no event type: '" + name + "'; the types are "
                        + EVENT_TYPES);
            }
        }
        if (negotiationId != null && heads.negotiation(negotiationId).isEmpty()) {
            throw ProblemException.unknownNegotiation(negotiationId);
        }
        boolean lines = accept != null && accept.contains(NDJSON);
        ResponseBodyEmitter emitter = lines ? new ResponseBodyEmitter(LONGEST.toMillis())
                : new SseEmitter(LONGEST.toMillis());
        Sink sink = new Sink(emitter, lines, untilCaughtUp);
        if (!lines) {
            try {
                ((SseEmitter) emitter).send(SseEmitter.event().reconnectTime(RETRY.toMillis()).comment("following"));
            } catch (IOException gone) {
                throw new UncheckedIOException(gone);
            }
        }
        emitter.onCompletion(sink::markClosed);
        emitter.onTimeout(sink::markClosed);
        emitter.onError(error -> sink.markClosed());
        subscriptions.follow(new EventSubscriptions.Subscription(token, negotiationId, types, sink, untilCaughtUp));
        return ResponseEntity.ok().contentType(lines ? MediaType.parseMediaType(NDJSON) : MediaType.TEXT_EVENT_STREAM)
                .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no").body(emitter);
    }

    /** Sends to one subscriber, as Server-Sent Events or as JSON Lines. */
    private final class Sink implements EventSubscriptions.EventSink {

        private final ResponseBodyEmitter emitter;
        private final boolean lines;
        /** Whether the answer ends once the catch-up is done, for clients that read an answer whole. */
        private final boolean untilCaughtUp;
        private volatile boolean closed;

        Sink(ResponseBodyEmitter emitter, boolean lines, boolean untilCaughtUp) {
            this.emitter = emitter;
            this.lines = lines;
            this.untilCaughtUp = untilCaughtUp;
        }

        @Override
        public void event(StreamedEvent event, String text) throws IOException {
            if (lines) {
                emitter.send(text + "\n", MediaType.TEXT_PLAIN);
            } else {
                ((SseEmitter) emitter).send(SseEmitter.event().id(event.cursor()).name(event.type())
                        .data(text, MediaType.TEXT_PLAIN));
            }
        }

        @Override
        public void caughtUp(String cursor) throws IOException {
            String marker = text(Map.of("caughtUp", true, "cursor", cursor));
            if (lines) {
                emitter.send(marker + "\n", MediaType.TEXT_PLAIN);
            } else {
                ((SseEmitter) emitter).send(SseEmitter.event().name("caught-up").id(cursor)
                        .data(marker, MediaType.TEXT_PLAIN));
            }
            if (untilCaughtUp) {
                close();
            }
        }

        @Override
        public void heartbeat(String cursor) throws IOException {
            if (lines) {
                emitter.send(text(Map.of("heartbeat", true, "cursor", cursor)) + "\n", MediaType.TEXT_PLAIN);
            } else {
                ((SseEmitter) emitter).send(SseEmitter.event().id(cursor).comment("heartbeat"));
            }
        }

        @Override
        public void farewell(String cursor) throws IOException {
            if (lines) {
                emitter.send(text(Map.of("shutdown", true, "cursor", cursor)) + "\n", MediaType.TEXT_PLAIN);
            } else {
                ((SseEmitter) emitter).send(SseEmitter.event().name("shutdown").id(cursor)
                        .data(text(Map.of("shutdown", true, "cursor", cursor)), MediaType.TEXT_PLAIN));
            }
        }

        @Override
        public boolean closed() {
            return closed;
        }

        void markClosed() {
            closed = true;
        }

        @Override
        public void close() {
            closed = true;
            emitter.complete();
        }

        private String text(Object value) throws IOException {
            try {
                return json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IOException("an event could not be written as JSON", e);
            }
        }
    }
}
