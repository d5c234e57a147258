package org.negotiationledger.core.api;

import java.util.List;
import java.util.Map;

/**
 * What an exchange swaps. Either each side releases a fixed number ({@code quantities},
 * e.g. 1000 for 1000), or it is "all for all" within named {@code categories}
 * (e.g. seriously ill, wounded, under 25) and has no upper bound.
 *
 * @param kind       what is exchanged, e.g. PRISONERS, BODIES, GOODS
 * @param sides      the parties that give and receive; without them, the parties named in quantities
 * @param quantities per side, how many it releases; empty for an all-for-all exchange
 * @param allForAll  whether every person (or item) in the categories is exchanged
 * @param categories what the exchange is limited to; may be empty
 */
public record ExchangeTerms(String kind, List<String> sides, Map<String, Integer> quantities,
                            boolean allForAll, List<String> categories) {

    public ExchangeTerms {
        quantities = Collections2.sortedMap(quantities);
        sides = sides == null || sides.isEmpty() ? List.copyOf(quantities.keySet()) : List.copyOf(sides);
        categories = Collections2.list(categories);
    }

    public static ExchangeTerms numbered(String kind, Map<String, Integer> quantities) {
        return new ExchangeTerms(kind, List.of(), quantities, false, List.of());
    }

    public static ExchangeTerms allForAll(String kind, List<String> sides, List<String> categories) {
        return new ExchangeTerms(kind, sides, Map.of(), true, categories);
    }
}
