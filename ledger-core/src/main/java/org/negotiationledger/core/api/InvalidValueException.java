package org.negotiationledger.core.api;

/**
 * A value no record of the ledger may hold: a text too long or with control characters, an id of
 * the wrong form, a number or a date out of bounds, a list too long, a required value missing.
 * Refused wherever a record is made, whichever way it came in.
 */
public final class InvalidValueException extends LedgerException {

    private final String field;
    private final String reason;

    public InvalidValueException(String field, String reason) {
        super("invalid-value", field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The field as the record names it: {@code name}, {@code source.quote}, {@code partyIds[3]}. */
    public String field() {
        return field;
    }

    /** What is wrong with it, in the user's words: "is longer than 300 characters". */
    public String reason() {
        return reason;
    }
}
