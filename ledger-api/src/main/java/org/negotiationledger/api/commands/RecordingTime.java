package org.negotiationledger.api.commands;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.negotiationledger.core.api.NegotiationCommand;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Stamps every event with the time its command arrived, so that an event's recording time is
 * the one the command's rules were checked against, read from the ledger's one clock.
 */
@Component
class RecordingTime {

    RecordingTime(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(events -> {
            Instant recordedAt = CurrentUnitOfWork.isStarted()
                    && CurrentUnitOfWork.get().root().getMessage().getPayload() instanceof NegotiationCommand command
                    ? command.recordedAt() : null;
            return (index, event) -> recordedAt == null ? event : stamped(event, recordedAt);
        });
    }

    private static EventMessage<?> stamped(EventMessage<?> event, Instant recordedAt) {
        if (!(event instanceof DomainEventMessage<?> domainEvent) || event.getTimestamp().equals(recordedAt)) {
            return event;
        }
        return new GenericDomainEventMessage<>(domainEvent.getType(), domainEvent.getAggregateIdentifier(),
                domainEvent.getSequenceNumber(), domainEvent.getPayload(), domainEvent.getMetaData(),
                domainEvent.getIdentifier(), recordedAt);
    }
}
