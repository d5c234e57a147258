package org.negotiationledger.api.commands;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.negotiationledger.api.problems.StorageFailures;
import org.negotiationledger.api.storage.DatabaseWatch;
import org.negotiationledger.core.api.LedgerException;
import org.negotiationledger.core.api.NegotiationCommand;
import org.springframework.stereotype.Service;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command to its negotiation and reports what it did.
 *
 * <p>Several ledger nodes may append to one negotiation. When another node appended first, the
 * store refuses the second append on its (negotiation, sequence) key and the command is tried
 * again on the fresh history, after a short random pause. A refusal is checked once more too: a
 * node's cached copy of the negotiation may have missed what another node recorded, and a
 * refusal drops that copy.
 *
 * <p>While the database is away, a command is not tried at all: it fails at once, and the
 * client is told that nothing was recorded.
 */
@Service
public class CommandSender {

    static final int MAX_ATTEMPTS = 12;

    private final CommandGateway gateway;
    private final DatabaseWatch database;
    private final MeterRegistry meters;

    CommandSender(CommandGateway gateway, DatabaseWatch database, MeterRegistry meters) {
        this.gateway = gateway;
        this.database = database;
        this.meters = meters;
    }

    /** A short random wait, longer with each attempt, so that competing nodes do not collide in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1 + 4L * attempt));
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
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            CommandOutcome sent = sendOnce(command, metadata);
            outcome = sent.appended() ? "recorded" : "repeated";
            return sent;
        } catch (LedgerException refused) {
            outcome = "refused";
            throw refused;
        } finally {
            meters.timer("ledger.commands", "command", command.getClass().getSimpleName(), "outcome", outcome)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private CommandOutcome sendOnce(NegotiationCommand command, CommandMetadata metadata) {
        if (database.away()) {
            // While the database is away every command would wait out its own timeouts; fail at once.
            throw new StorageFailures.Away();
        }
        try {
            return sendTrying(command, metadata);
        } catch (RuntimeException failed) {
            if (StorageFailures.isStorageFailure(failed)) {
                database.failed();
            }
            throw failed;
        }
    }

    private CommandOutcome sendTrying(NegotiationCommand command, CommandMetadata metadata) {
        for (int attempt = 1; ; attempt++) {
            try {
                CommandOutcomeTracker.PendingOutcome result = gateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(metadata.toMetaData()));
                return result.outcome();
            } catch (ConcurrencyException appendedElsewhere) {
                // Another node appended to the negotiation first: try again on the fresh history.
                if (attempt == MAX_ATTEMPTS) {
                    throw appendedElsewhere;
                }
                pause(attempt);
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
