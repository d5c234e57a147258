package org.negotiationledger.api.commands;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.negotiationledger.api.storage.StoreHeads;
import org.negotiationledger.core.api.NegotiationCommand;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works out what a command did: how many events it appended, and the negotiation's version and
 * global position once they are written. The head is read inside the command's own transaction,
 * after its events are inserted, so it is exact even while other nodes append to the same store.
 */
@Component
class CommandOutcomeTracker implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String APPENDED = CommandOutcomeTracker.class.getName() + ".appended";

    private final StoreHeads heads;

    CommandOutcomeTracker(CommandBus commandBus, EventStore eventStore, StoreHeads heads) {
        this.heads = heads;
        commandBus.registerHandlerInterceptor(this);
        eventStore.registerDispatchInterceptor(events -> {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root()
                    .getOrComputeResource(APPENDED, key -> new AtomicInteger())
                    .addAndGet(events.size()));
            return (index, event) -> event;
        });
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        chain.proceed();
        if (!(unitOfWork.getMessage().getPayload() instanceof NegotiationCommand command)) {
            return null;
        }
        PendingOutcome pending = new PendingOutcome();
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

    /** Filled in just before the command's transaction commits; read after it did. */
    static final class PendingOutcome {
        private CommandOutcome outcome;

        CommandOutcome outcome() {
            return outcome;
        }
    }
}
