package org.negotiationledger.projections.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ids of the events a view's processing has to treat differently on its next try (a handler
 * that failed, rows whose write failed): a few, unless many fail at once, so the oldest beyond
 * {@value #REMEMBERED} are forgotten. Safe to use from several threads.
 */
public final class RecentIds {

    private static final int REMEMBERED = 10_000;

    private final Set<String> ids = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    public void add(String id) {
        ids.add(id);
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }
}
