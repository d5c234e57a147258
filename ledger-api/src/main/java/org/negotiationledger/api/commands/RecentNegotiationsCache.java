package org.negotiationledger.api.commands;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The negotiations most recently used by commands, kept in memory so that the next command on
 * one of them neither reads its snapshot nor replays its events. Axon's weak-reference cache lost
 * its entries at every young collection, which under load is several times a second; this one
 * holds at most {@code capacity} negotiations and drops the least recently used.
 *
 * <p>With several nodes, a kept negotiation may miss what another node appended since. Such a
 * command either conflicts on its event's sequence number or is refused on the old state; either
 * way Axon drops the entry on rollback and {@link CommandSender} tries the command again on the
 * stored history.
 */
final class RecentNegotiationsCache implements Cache {

    private final Map<Object, Object> entries;

    RecentNegotiationsCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the cache must hold at least one negotiation, not " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, absent -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Nothing in the ledger listens to the aggregate cache, and this cache tells no one. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the negotiation cache has no entry listeners");
    }
}
