package org.negotiationledger.projections.overview;

import java.util.List;

public record NegotiationList(List<NegotiationSummary> negotiations) {
}
