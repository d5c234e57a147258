package org.negotiationledger.core.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The kinds of event the ledger stores, by the names clients filter on and the store keeps. */
public final class EventTypes {

    /** Every event class, in the order {@link NegotiationEvent} lists them. */
    public static final List<Class<?>> ALL = List.of(NegotiationEvent.class.getPermittedSubclasses());

    /** Their simple names (StatementRecorded), in alphabetical order: what filters take. */
    public static final Set<String> NAMES = Collections.unmodifiableSet(
            new TreeSet<>(ALL.stream().map(Class::getSimpleName).toList()));

    /** Their full class names: what the store keeps as the payload type. */
    public static final Set<String> STORED_NAMES = Set.copyOf(ALL.stream().map(Class::getName).toList());

    private static final Map<String, String> STORED_BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Class::getName));

    private EventTypes() {
    }

    /** The stored name of an event type given by its name (StatementRecorded) or stored name; null for none. */
    public static String storedName(String name) {
        return STORED_NAMES.contains(name) ? name : STORED_BY_NAME.get(name);
    }

    /** The name clients see of an event type the store keeps by {@code storedName}. */
    public static String name(String storedName) {
        return storedName.substring(storedName.lastIndexOf('.') + 1);
    }
}
