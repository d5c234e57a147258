package org.negotiationledger.core.api;

/**
 * A command the ledger refuses. The message says what is wrong in the user's words; the code
 * names the rule for machines (it is stable, e.g. {@code unregistered-party}).
 */
public abstract sealed class LedgerException extends RuntimeException
        permits RuleViolationException, IdConflictException, InvalidValueException {

    private final String code;

    protected LedgerException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
