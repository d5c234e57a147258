package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The negotiation was closed, with its outcome. Revision 2 added {@code agreementId}: the agreement
 * it ended with, if it ended with one; a closure of revision 1 names none.
 */
@Revision("2")
public record NegotiationClosed(@Required String negotiationId, @Required Outcome outcome, @Required LocalDate closedOn,
                                String summary, String agreementId) implements NegotiationEvent {

    /** A closure that names no agreement. */
    public NegotiationClosed(String negotiationId, Outcome outcome, LocalDate closedOn, String summary) {
        this(negotiationId, outcome, closedOn, summary, null);
    }

    @Override
    public LocalDate effectiveDate() {
        return closedOn;
    }
}
