package org.negotiationledger.core.api;

import java.time.Instant;

/** A command to the Negotiation aggregate. */
public interface NegotiationCommand {

    String negotiationId();

    /** When the ledger received the command: the clock is read at the edge, never in the aggregate. */
    Instant recordedAt();
}
