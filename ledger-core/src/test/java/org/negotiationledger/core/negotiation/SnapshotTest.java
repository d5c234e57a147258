package org.negotiationledger.core.negotiation;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.serialization.LedgerSerialization;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.negotiationledger.core.negotiation.Given.NEGOTIATION;
import static org.negotiationledger.core.negotiation.Given.agreed;
import static org.negotiationledger.core.negotiation.Given.allForAll;
import static org.negotiationledger.core.negotiation.Given.firstRound;
import static org.negotiationledger.core.negotiation.Given.istanbul;
import static org.negotiationledger.core.negotiation.Given.thousandForThousand;
import static org.negotiationledger.core.negotiation.Given.umerovOnCeasefire;

/** A snapshot of the aggregate, stored with the event serializer, restores the same state. */
class SnapshotTest {

    @Test
    void snapshotRestoresEveryPartOfTheState() {
        List<Object> events = new ArrayList<>(List.of(istanbul()));
        events.addAll(List.of(umerovOnCeasefire(), firstRound(), thousandForThousand(),
                agreed("pow-1", Given.OPENED_ON, "ua", "ru"), allForAll()));
        Negotiation negotiation = replay(events);

        JacksonSerializer serializer = LedgerSerialization.serializer();
        SerializedObject<byte[]> snapshot = serializer.serialize(negotiation, byte[].class);
        Negotiation restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(negotiation);
        assertThat(restored).usingRecursiveComparison().isNotEqualTo(replay(List.of(istanbul())));
    }

    private static Negotiation replay(List<Object> payloads) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("Negotiation", NEGOTIATION, i, payloads.get(i)));
        }
        Negotiation root = new Negotiation();
        EventSourcedAggregate<Negotiation> aggregate = EventSourcedAggregate.initialize(root,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Negotiation.class), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(messages.stream()));
        return root;
    }
}
