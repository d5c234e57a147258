package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A negotiation's agreements signed by a day as known at a time, in the order signed. */
public record AgreementList(String negotiationId, LocalDate asOf, Instant knownAt,
                            List<SignedAgreement> agreements) {
}
