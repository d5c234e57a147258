package org.negotiationledger.core.api;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The kinds of event the ledger stores, by the names clients filter on and the store keeps. */
public final class EventTypes {

    /** Every event class, in the order {@link NegotiationEvent} lists them. */
    public static final List<Class<?>> ALL = List.of(NegotiationEvent.class.getPermittedSubclasses());

    /** Their simple names (StatementRecorded), in alphabetical order: what filters take. */
    public static final Set<String> NAMES = Collections.unmodifiableSet(
            new TreeSet<>(ALL.stream().map(Class::getSimpleName).toList()));

    /** Their full class names: what the store keeps as the payload type. */
    public static final Set<String> STORED_NAMES = Set.copyOf(ALL.stream().map(Class::getName).toList());

    private EventTypes() {
    }
}
