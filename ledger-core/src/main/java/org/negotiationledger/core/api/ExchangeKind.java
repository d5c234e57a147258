package org.negotiationledger.core.api;

/** What an exchange or transfer moves; anything else is OTHER, named in words. */
public enum ExchangeKind {
    /** Prisoners of war. */
    PRISONERS,
    CIVILIANS,
    /** The bodies of the fallen. */
    BODIES,
    OTHER;

    /** The kind a revision-1 exchange named in free text: one of these by name, or OTHER. */
    public static ExchangeKind named(String text) {
        for (ExchangeKind kind : values()) {
            if (kind.name().equals(text)) {
                return kind;
            }
        }
        return OTHER;
    }
}
