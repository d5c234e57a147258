package org.negotiationledger.api.commands;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.negotiationledger.api.storage.StoreHeads;
import org.negotiationledger.core.api.EventMetadata;
import org.negotiationledger.core.api.NegotiationCommand;
import org.negotiationledger.projections.support.EventPositions;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works out what a command did: how many events it appended, and the negotiation's version and
 * global position once they are written. The head is read inside the command's own transaction,
 * after its events are inserted, so it is exact even while other nodes append to the same store.
 *
 * <p>In a group ({@link CommandSender#inOneTransaction}) the commands' events are inserted
 * together when the group commits; each command's outcome is then worked out from the events
 * that carry its correlation id, in the order the commands came.
 */
@Component
class CommandOutcomeTracker {

    private static final String APPENDED = CommandOutcomeTracker.class.getName() + ".appended";
    private static final String GROUP = CommandOutcomeTracker.class.getName() + ".group";

    private final StoreHeads heads;
    private final EventPositions positions;

    CommandOutcomeTracker(CommandBus commandBus, EventStore eventStore, StoreHeads heads, EventPositions positions) {
        this.heads = heads;
        this.positions = positions;
        // Registered here, in this order, and not as a bean of Axon's interceptor type: Axon's Spring
        // Boot set-up registers every such bean on the command bus once more, and each command's
        // outcome was worked out twice.
        commandBus.registerHandlerInterceptor(this::handle);
        eventStore.registerDispatchInterceptor(events -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> {
                unitOfWork.root().getOrComputeResource(APPENDED, key -> new AtomicInteger()).addAndGet(events.size());
                Group group = unitOfWork.root().getResource(GROUP);
                if (group != null) {
                    group.events.addAll(events);
                }
            });
            return (index, event) -> event;
        });
    }

    private Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        chain.proceed();
        if (!(unitOfWork.getMessage().getPayload() instanceof NegotiationCommand command)) {
            return null;
        }
        PendingOutcome pending = new PendingOutcome();
        if (!unitOfWork.isRoot()) {
            Group group = unitOfWork.root().getResource(GROUP);
            if (group == null) {
                throw new IllegalStateException("a command ran inside another unit of work that is no command group");
            }
            Object correlation = unitOfWork.getMessage().getMetaData().get(EventMetadata.CORRELATION_ID);
            unitOfWork.onCommit(done -> group.commands.add(new Member(command.negotiationId(),
                    correlation == null ? null : correlation.toString(), pending)));
            return pending;
        }
        unitOfWork.onPrepareCommit(committing -> {
            AtomicInteger appended = committing.root().getResource(APPENDED);
            // The last event by sequence is also the last by position: a negotiation's appends are serial.
            StoreHeads.Head head = heads.negotiation(command.negotiationId()).orElseThrow(
                    () -> new IllegalStateException("negotiation " + command.negotiationId() + " has no events"));
            pending.outcome = new CommandOutcome(command.negotiationId(), head.sequence() + 1, head.position(),
                    appended != null && appended.get() > 0);
        });
        return pending;
    }

    /**
     * Marks {@code root} as a group of commands, whose outcomes are worked out once its events
     * are stored and committed.
     */
    void startGroup(UnitOfWork<?> root) {
        Group group = new Group();
        root.resources().put(GROUP, group);
        root.onCommit(committed -> group.settle());
    }

    /** A command of a group, and where its outcome goes. */
    private record Member(String negotiationId, String correlationId, PendingOutcome pending) {
    }

    /** The commands of a group in the order they came, and the events they appended. */
    private final class Group {
        private final List<Member> commands = new ArrayList<>();
        private final List<EventMessage<?>> events = new ArrayList<>();

        void settle() {
            Map<String, DomainEventMessage<?>> lastOfCommand = new HashMap<>();
            Map<String, Long> firstInGroup = new HashMap<>();
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domain) {
                    Object correlation = domain.getMetaData().get(EventMetadata.CORRELATION_ID);
                    lastOfCommand.put(String.valueOf(correlation), domain);
                    firstInGroup.putIfAbsent(domain.getAggregateIdentifier(), domain.getSequenceNumber());
                }
            }
            Map<String, Long> stored = positions.of(lastOfCommand.values().stream()
                    .map(EventMessage::getIdentifier).toList());
            Map<String, DomainEventMessage<?>> lastOfNegotiation = new HashMap<>();
            for (Member member : commands) {
                DomainEventMessage<?> last = lastOfCommand.get(String.valueOf(member.correlationId()));
                if (last != null) {
                    lastOfNegotiation.put(member.negotiationId(), last);
                    member.pending().outcome = new CommandOutcome(member.negotiationId(), last.getSequenceNumber() + 1,
                            stored.get(last.getIdentifier()), true);
                    continue;
                }
                // A repeat: the negotiation as it was then, after the group's earlier commands.
                DomainEventMessage<?> before = lastOfNegotiation.get(member.negotiationId());
                StoreHeads.Head head = before != null
                        ? new StoreHeads.Head(before.getSequenceNumber(), stored.get(before.getIdentifier()))
                        : headBefore(member.negotiationId(), firstInGroup.get(member.negotiationId()));
                member.pending().outcome = new CommandOutcome(member.negotiationId(), head.sequence() + 1,
                        head.position(), false);
            }
        }

        /** The negotiation's last event before the group's first (or its last, if the group appended none). */
        private StoreHeads.Head headBefore(String negotiationId, Long firstInGroup) {
            return (firstInGroup == null ? heads.negotiation(negotiationId)
                    : heads.negotiationAt(negotiationId, firstInGroup - 1)).orElseThrow(
                    () -> new IllegalStateException("negotiation " + negotiationId + " has no events"));
        }
    }

    /** Filled in just before the command's transaction commits (in a group: just after); read after it did. */
    static final class PendingOutcome {
        private CommandOutcome outcome;

        CommandOutcome outcome() {
            return outcome;
        }
    }
}
