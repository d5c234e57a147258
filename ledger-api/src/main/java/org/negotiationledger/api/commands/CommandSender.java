package org.negotiationledger.api.commands;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.negotiationledger.api.problems.Problems;
import org.negotiationledger.api.problems.StorageFailures;
import org.negotiationledger.api.storage.DatabaseWatch;
import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.LedgerException;
import org.negotiationledger.core.api.NegotiationCommand;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a command to its negotiation and reports what it did.
 *
 * <p>Several ledger nodes may append to one negotiation. When another node appended first, the
 * store refuses the second append on its (negotiation, sequence) key and the command is tried
 * again on the fresh history, after a short random pause that grows with each try, for as long
 * as {@link #PATIENCE} allows (a fixed number of tries let a command starve when the other node
 * kept winning the race). A refusal is checked once more too: a node's cached copy of the
 * negotiation may have missed what another node recorded, and a refusal drops that copy.
 *
 * <p>While the database is away, a command is not tried at all: it fails at once, and the
 * client is told that nothing was recorded.
 */
@Service
public class CommandSender {

    /** How long a command keeps trying while other nodes keep appending to its negotiation first. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final CommandGateway gateway;
    private final DatabaseWatch database;
    private final MeterRegistry meters;
    private final TransactionManager transactions;
    private final CommandOutcomeTracker outcomes;

    CommandSender(CommandGateway gateway, DatabaseWatch database, MeterRegistry meters,
                  TransactionManager transactions, CommandOutcomeTracker outcomes) {
        this.gateway = gateway;
        this.database = database;
        this.meters = meters;
        this.transactions = transactions;
        this.outcomes = outcomes;
    }

    /**
     * Runs {@code work}, which sends commands with {@link #sendInGroup}, as one unit of work and one
     * transaction: the commands' events are inserted together, in the order the commands came,
     * when the work is done, and either all of them are stored or none. A command refused inside
     * the group leaves nothing behind and does not undo the others. Until the group commits, the
     * negotiations it touches stay locked to other commands of this node, so nothing in memory
     * runs ahead of the store; a group that fails leaves them as the store has them.
     */
    public <T> T inOneTransaction(Supplier<T> work) {
        if (database.away()) {
            throw new StorageFailures.Away();
        }
        DefaultUnitOfWork<Message<?>> group = DefaultUnitOfWork.startAndGet(
                GenericMessage.asMessage("a group of commands"));
        try {
            group.attachTransaction(transactions);
            outcomes.startGroup(group);
            T result = work.get();
            group.commit();
            return result;
        } catch (RuntimeException failed) {
            if (group.isActive()) {
                group.rollback(failed);
            }
            if (StorageFailures.isStorageFailure(failed)) {
                database.failed();
            }
            throw failed;
        }
    }

    /**
     * Sends a command inside {@link #inOneTransaction}: it is checked and applied at once (a refusal
     * is thrown), and its outcome can be read once the group has committed.
     */
    public Supplier<CommandOutcome> sendInGroup(NegotiationCommand command, CommandMetadata metadata) {
        CommandOutcomeTracker.PendingOutcome pending = timed(command, () -> sendTrying(command, metadata),
                applied -> "grouped");
        return pending::outcome;
    }

    private void conflict(String outcome) {
        Counter.builder("ledger.commands.conflicts")
                .description("Commands that found their negotiation appended to by another node first")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    /**
     * A short random wait, up to twice as long with each attempt (at most 64 ms), so that competing
     * nodes do not collide in step.
     */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1 + (1L << Math.min(attempt, 6))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try a command again", e);
        }
    }

    /**
     * Sends the command and counts it in {@code ledger.commands} (a timer by command and outcome:
     * recorded, repeated, refused or failed).
     */
    public CommandOutcome send(NegotiationCommand command, CommandMetadata metadata) {
        return timed(command, () -> sendOnce(command, metadata), sent -> sent.appended() ? "recorded" : "repeated");
    }

    /** Sends by {@code sending}, timed in {@code ledger.commands} under the outcome it had. */
    private <T> T timed(NegotiationCommand command, Supplier<T> sending, Function<T, String> outcomeOf) {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            T sent = sending.get();
            outcome = outcomeOf.apply(sent);
            return sent;
        } catch (RuntimeException e) {
            // What the client is told decides: a 4xx (a rule, a version, an unknown negotiation) is a
            // refusal; only what the ledger could not do is a failure.
            outcome = Problems.of(e).getStatus() < 500 ? "refused" : "failed";
            throw e;
        } finally {
            Timer.builder("ledger.commands")
                    .description("Commands by command and outcome: recorded, repeated, refused, failed or grouped")
                    .tags("command", command.getClass().getSimpleName(), "outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private CommandOutcome sendOnce(NegotiationCommand command, CommandMetadata metadata) {
        if (database.away()) {
            // While the database is away every command would wait out its own timeouts; fail at once.
            throw new StorageFailures.Away();
        }
        try {
            return sendTrying(command, metadata).outcome();
        } catch (RuntimeException failed) {
            if (StorageFailures.isStorageFailure(failed)) {
                database.failed();
            }
            throw failed;
        }
    }

    private CommandOutcomeTracker.PendingOutcome sendTrying(NegotiationCommand command, CommandMetadata metadata) {
        long giveUpAt = System.nanoTime() + PATIENCE.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(metadata.toMetaData()));
            } catch (ConcurrencyException appendedElsewhere) {
                // Another node appended to the negotiation first: try again on the fresh history.
                if (System.nanoTime() - giveUpAt > 0) {
                    conflict("gave-up");
                    throw appendedElsewhere;
                }
                conflict("tried-again");
                pause(attempt);
            } catch (InvalidValueException invalid) {
                throw invalid;  // a value no record may hold: nothing in the store changes that
            } catch (LedgerException refused) {
                // The refusal may come from this node's cached negotiation, which can be behind what
                // another node recorded (the cache drops it on a refusal): check once more on the
                // stored history before the client is told no.
                if (attempt > 1) {
                    throw refused;
                }
            }
        }
    }
}
