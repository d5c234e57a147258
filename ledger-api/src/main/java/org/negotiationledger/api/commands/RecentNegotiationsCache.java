package org.negotiationledger.api.commands;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The negotiations most recently used by commands, kept in memory so that the next command on
 * one of them neither reads its snapshot nor replays its events. Axon's weak-reference cache lost
 * its entries at every young collection, which under load is several times a second; this one
 * holds at most {@code capacity} negotiations and drops the least recently used. They are held
 * softly: the collector may still drop them when memory runs short, as the state of a few hundred
 * long negotiations may not fit a small heap, and such a negotiation is then read from the store.
 *
 * <p>With several nodes, a kept negotiation may miss what another node appended since. Such a
 * command either conflicts on its event's sequence number or is refused on the old state; either
 * way Axon drops the entry on rollback and {@link CommandSender} tries the command again on the
 * stored history.
 */
final class RecentNegotiationsCache implements Cache {

    private final Map<Object, SoftReference<Object>> entries;

    RecentNegotiationsCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the cache must hold at least one negotiation, not " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, SoftReference<Object>> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        SoftReference<Object> kept = entries.get(key);
        Object value = kept == null ? null : kept.get();
        if (kept != null && value == null) {
            entries.remove(key);
        }
        return (V) value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, new SoftReference<>(value));
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = get(key);
        if (value == null) {
            value = valueSupplier.get();
            put(key, value);
        }
        return value;
    }

    @Override
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V value = get(key);
        if (value != null) {
            put(key, update.apply(value));
        }
    }

    @Override
    public synchronized boolean remove(Object key) {
        SoftReference<Object> kept = entries.remove(key);
        return kept != null && kept.get() != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** Nothing in the ledger listens to the aggregate cache, and this cache tells no one. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the negotiation cache has no entry listeners");
    }
}
