package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record ExchangeAgreed(@Required String negotiationId, @Required String exchangeId,
                             @Required List<String> partyIds, @Required LocalDate agreedOn, String meetingId)
        implements NegotiationEvent {

    public ExchangeAgreed {
        partyIds = Collections2.list(partyIds);
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
