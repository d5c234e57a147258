package org.negotiationledger.core.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The parties signed an agreement: its title, day, stage, signatories and provisions, the meeting it
 * was signed at, and every report of it. It is the outcome (agreed) on each topic it provides for.
 */
@Revision("1")
public record AgreementSigned(@Required String negotiationId, @Required String agreementId, @Required String title,
                              @Required LocalDate signedOn, @Required AgreementStage stage,
                              @Required List<Signatory> signatories, @Required List<Provision> provisions,
                              String meetingId, List<Source> sources) implements NegotiationEvent {

    public AgreementSigned {
        signatories = Collections2.list(signatories);
        provisions = Collections2.list(provisions);
        sources = Collections2.list(sources);
    }

    /** The parties that signed, each once, in the order they are named. */
    public List<String> partyIds() {
        return signatories.stream().map(Signatory::partyId).distinct().toList();
    }

    /** The topics it provides for, each once, in the order of the provisions. */
    public List<String> topicIds() {
        return provisions.stream().map(Provision::topicId).distinct().toList();
    }

    @Override
    public LocalDate effectiveDate() {
        return signedOn;
    }

    @Override
    public List<String> involvedParties() {
        return partyIds();
    }
}
