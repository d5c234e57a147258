package org.negotiationledger.api.commands;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentNegotiationsCacheTest {

    @Test
    void keepsTheMostRecentlyUsedNegotiationsUpToItsCapacity() {
        RecentNegotiationsCache cache = new RecentNegotiationsCache(2);
        cache.put("a", "negotiation a");
        cache.put("b", "negotiation b");
        assertThat((String) cache.get("a")).isEqualTo("negotiation a");

        cache.put("c", "negotiation c");

        assertThat(cache.containsKey("a")).as("used last but one").isTrue();
        assertThat(cache.containsKey("b")).as("the least recently used goes").isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }

    @Test
    void forgetsANegotiationOnRequest() {
        RecentNegotiationsCache cache = new RecentNegotiationsCache(8);
        cache.put("a", "negotiation a");

        assertThat(cache.remove("a")).isTrue();
        assertThat((Object) cache.get("a")).isNull();
        assertThat(cache.remove("a")).isFalse();
    }

    @Test
    void refusesAUselessCapacity() {
        assertThatThrownBy(() -> new RecentNegotiationsCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
