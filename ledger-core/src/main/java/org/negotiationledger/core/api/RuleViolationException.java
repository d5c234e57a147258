package org.negotiationledger.core.api;

/** The command would break one of the negotiation's rules, e.g. a statement by an unregistered party. */
public final class RuleViolationException extends LedgerException {

    public RuleViolationException(String code, String message) {
        super(code, message);
    }
}
