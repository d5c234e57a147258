package org.negotiationledger.api.commands;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.negotiationledger.core.api.NegotiationCommand;
import org.springframework.jdbc.core.JdbcTemplate;
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

    /** One step down the (negotiation, sequence) index, however long the history. */
    private static final String HEAD = "SELECT sequencenumber, globalindex FROM domainevententry "
            + "WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1";

    private final JdbcTemplate jdbc;

    CommandOutcomeTracker(CommandBus commandBus, EventStore eventStore, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
            pending.outcome = jdbc.queryForObject(HEAD,
                    (row, n) -> new CommandOutcome(command.negotiationId(), row.getLong(1) + 1, row.getLong(2),
                            appended != null && appended.get() > 0),
                    command.negotiationId());
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
