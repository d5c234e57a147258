package org.negotiationledger.projections.exchanges;

import java.util.List;

public record ExchangeList(String negotiationId, List<Exchange> exchanges) {
}
