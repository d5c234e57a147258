package org.negotiationledger.core.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.negotiationledger.core.api.DelegateRegistered;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.ExchangeExecutionRecorded;
import org.negotiationledger.core.api.ExchangeKind;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.OutcomeRecorded;
import org.negotiationledger.core.api.OutcomeStatusRecorded;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.TopicAdded;

import java.util.List;
import java.util.function.Consumer;

/**
 * How an event stored in an earlier revision is read as the current one. Stored events are never
 * rewritten: each upcaster turns the stored JSON of one revision into the next as it is read, in
 * the order of this list. Every event whose fields changed since revision 1 has one here.
 */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    public static List<EventUpcaster> all() {
        return List.of(
                // Revision 2: made at a meeting, valid until a day, offers with ranges.
                new Step(StatementRecorded.class, "1", "2", statement -> {
                    statement.putNull("meetingId");
                    statement.putNull("validUntil");
                    withRanges(statement.get("offer"));
                }),
                // Revision 3: what a machine coded; none for a statement a person recorded.
                new Step(StatementRecorded.class, "2", "3", statement -> statement.putNull("coding")),
                // Revision 2: what a machine coded; none for an outcome a person recorded.
                new Step(OutcomeRecorded.class, "1", "2", outcome -> outcome.putNull("coding")),
                // Revision 2: what a machine coded; none for a meeting a person recorded.
                new Step(MeetingHeld.class, "1", "2", meeting -> meeting.putNull("coding")),
                // Revision 2: a correction may change the day a proposal lapses; offers with ranges.
                new Step(StatementCorrected.class, "1", "2", correction -> {
                    JsonNode changes = correction.get("changes");
                    if (changes instanceof ObjectNode fields) {
                        fields.putNull("validUntil");
                        withRanges(fields.get("offer"));
                    }
                }),
                // Revision 2: the day a party joined; none means from the opening.
                new Step(PartyRegistered.class, "1", "2", party -> party.putNull("joinedOn")),
                // Revision 2: the kind from a closed list; a free-text kind outside it is OTHER, in words.
                new Step(ExchangeProposed.class, "1", "2", exchange -> {
                    if (exchange.get("terms") instanceof ObjectNode terms) {
                        String kind = terms.path("kind").asText(null);
                        ExchangeKind closed = ExchangeKind.named(kind);
                        terms.put("kind", closed.name());
                        if (closed == ExchangeKind.OTHER && !ExchangeKind.OTHER.name().equals(kind)) {
                            terms.put("kindText", kind);
                        } else {
                            terms.putNull("kindText");
                        }
                    }
                }),
                // Revision 4: every report of a statement, a list; the one source is its only entry.
                new Step(StatementRecorded.class, "3", "4", EventUpcasters::sourcesFromSource),
                // Revision 3: a correction may replace the sources; one of revision 2 kept them.
                new Step(StatementCorrected.class, "2", "3", correction -> {
                    if (correction.get("changes") instanceof ObjectNode changes) {
                        changes.putNull("sources");
                    }
                }),
                // Revision 3: every report of an outcome, a list; the one source is its only entry.
                new Step(OutcomeRecorded.class, "2", "3", EventUpcasters::sourcesFromSource),
                // Every report of a meeting, an exchange's proposal, agreement and stage, and of what
                // became of an agreement: none before these revisions.
                new Step(MeetingHeld.class, "2", "3", EventUpcasters::noSources),
                new Step(ExchangeProposed.class, "2", "3", EventUpcasters::noSources),
                new Step(ExchangeAgreed.class, "1", "2", EventUpcasters::noSources),
                new Step(ExchangeExecutionRecorded.class, "1", "2", EventUpcasters::noSources),
                new Step(OutcomeStatusRecorded.class, "1", "2", EventUpcasters::noSources),
                // Revision 2: a closure may name the agreement it ended with; one of revision 1 names none.
                new Step(NegotiationClosed.class, "1", "2", closure -> closure.putNull("agreementId")),
                // Revision 4: a meeting's last day, times and format, which revision 3 did not know.
                new Step(MeetingHeld.class, "3", "4", meeting -> {
                    for (String field : List.of("endsOn", "startsAt", "endsAt", "format")) {
                        meeting.putNull(field);
                    }
                }),
                // Revision 2: the day a topic came on the table, a delegate began; revision 1: the opening.
                new Step(TopicAdded.class, "1", "2", topic -> topic.putNull("addedOn")),
                new Step(DelegateRegistered.class, "1", "2", delegate -> delegate.putNull("since")),
                // Revision 5: the party a statement is addressed to, its time of day and its links. A
                // statement from event data was aimed at its coding's target party; any other was addressed
                // to no one. None linked to anything.
                new Step(StatementRecorded.class, "4", "5", statement -> {
                    JsonNode target = statement.path("coding").path("targetPartyId");
                    if (target.isTextual()) {
                        statement.put("counterpartId", target.asText());
                    } else {
                        statement.putNull("counterpartId");
                    }
                    statement.putNull("effectiveAt");
                    statement.putArray("links");
                }));
    }

    private static void noSources(ObjectNode record) {
        record.putArray("sources");
    }

    /** The one {@code source} (or none) of an earlier revision as the list {@code sources}, in its place. */
    private static void sourcesFromSource(ObjectNode record) {
        JsonNode source = record.get("source");
        ObjectNode renamed = record.objectNode();
        record.fields().forEachRemaining(field -> {
            if (field.getKey().equals("source")) {
                ArrayNode sources = renamed.putArray("sources");
                if (source != null && source.isObject()) {
                    sources.add(source);
                }
            } else {
                renamed.set(field.getKey(), field.getValue());
            }
        });
        record.removeAll();
        record.setAll(renamed);
    }

    /** A revision-1 offer was one value: it has no range. */
    private static void withRanges(JsonNode offer) {
        if (offer instanceof ObjectNode fields) {
            fields.putNull("min");
            fields.putNull("max");
        }
    }

    /** One event type from one revision to the next, by a change of its JSON in place. */
    private static final class Step extends SingleEventUpcaster {

        private final SimpleSerializedType from;
        private final SimpleSerializedType to;
        private final Consumer<ObjectNode> change;

        Step(Class<?> type, String fromRevision, String toRevision, Consumer<ObjectNode> change) {
            this.from = new SimpleSerializedType(type.getName(), fromRevision);
            this.to = new SimpleSerializedType(type.getName(), toRevision);
            this.change = change;
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return from.equals(representation.getType());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(to, JsonNode.class, json -> {
                ObjectNode copy = ((ObjectNode) json).deepCopy();
                change.accept(copy);
                return copy;
            });
        }
    }
}
