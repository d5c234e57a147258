package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** The sides agreed to an exchange. Revision 2 added {@code sources}, every report of the agreement. */
@Revision("2")
public record ExchangeAgreed(@Required String negotiationId, @Required String exchangeId,
                             @Required List<String> partyIds, @Required LocalDate agreedOn, String meetingId,
                             List<Source> sources) implements NegotiationEvent {

    /** An agreement as revision 1 knew it, without sources. */
    public ExchangeAgreed(String negotiationId, String exchangeId, List<String> partyIds, LocalDate agreedOn,
                          String meetingId) {
        this(negotiationId, exchangeId, partyIds, agreedOn, meetingId, null);
    }

    public ExchangeAgreed {
        partyIds = Collections2.list(partyIds);
        sources = Collections2.list(sources);
    }

    @Override
    public LocalDate effectiveDate() {
        return agreedOn;
    }

    @Override
    public List<String> involvedParties() {
        return partyIds;
    }
}
