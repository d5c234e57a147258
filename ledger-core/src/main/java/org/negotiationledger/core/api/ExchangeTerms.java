package org.negotiationledger.core.api;

import java.util.List;
import java.util.Map;

/**
 * What an exchange swaps, or a transfer hands over. Either each side releases a fixed number
 * ({@code quantities}, e.g. 1000 for 1000), or it is "all for all" within named {@code categories}
 * (e.g. seriously ill, wounded, under 25) and has no upper bound. An exchange with one side is a
 * transfer: that side gives, nothing comes back ("Russia hands over 3,000 bodies").
 *
 * @param kind       what is exchanged
 * @param kindText   what it is in words when the kind is OTHER (e.g. "grain"); may name it for the others too
 * @param sides      the parties that give; without them, the parties named in quantities
 * @param quantities per side, how many it releases; empty for an all-for-all exchange
 * @param allForAll  whether every person (or item) in the categories is exchanged
 * @param categories what the exchange is limited to; may be empty
 */
public record ExchangeTerms(@Required ExchangeKind kind, String kindText, List<String> sides,
                            Map<String, Integer> quantities, boolean allForAll, List<String> categories) {

    public ExchangeTerms {
        quantities = Collections2.sortedMap(quantities);
        sides = sides == null || sides.isEmpty() ? List.copyOf(quantities.keySet()) : List.copyOf(sides);
        categories = Collections2.list(categories);
    }

    public static ExchangeTerms numbered(ExchangeKind kind, Map<String, Integer> quantities) {
        return new ExchangeTerms(kind, null, List.of(), quantities, false, List.of());
    }

    public static ExchangeTerms allForAll(ExchangeKind kind, List<String> sides, List<String> categories) {
        return new ExchangeTerms(kind, null, sides, Map.of(), true, categories);
    }

    /** Whether one side gives and nothing comes back. */
    public boolean transfer() {
        return sides.size() == 1;
    }
}
