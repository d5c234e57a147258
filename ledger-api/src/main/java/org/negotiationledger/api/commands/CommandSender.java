package org.negotiationledger.api.commands;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.negotiationledger.core.api.LedgerException;
import org.negotiationledger.core.api.NegotiationCommand;
import org.springframework.stereotype.Service;

/**
 * Sends a command to its negotiation and reports what it did.
 *
 * <p>Several ledger nodes may append to one negotiation. When another node appended first, the
 * store refuses the second append on its (negotiation, sequence) key and the command is tried
 * again on the fresh history. A refusal is checked once more too: a node's cached copy of the
 * negotiation may have missed what another node recorded, and a refusal drops that copy.
 */
@Service
public class CommandSender {

    static final int MAX_ATTEMPTS = 8;

    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public CommandOutcome send(NegotiationCommand command, CommandMetadata metadata) {
        for (int attempt = 1; ; attempt++) {
            try {
                CommandOutcomeTracker.PendingOutcome result = gateway.sendAndWait(
                        GenericCommandMessage.asCommandMessage(command).andMetaData(metadata.toMetaData()));
                return result.outcome();
            } catch (ConcurrencyException appendedElsewhere) {
                if (attempt == MAX_ATTEMPTS) {
                    throw appendedElsewhere;
                }
            } catch (LedgerException refused) {
                if (attempt > 1) {
                    throw refused;
                }
            }
        }
    }
}
