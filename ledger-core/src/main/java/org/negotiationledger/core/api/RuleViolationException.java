package org.negotiationledger.core.api;

/** The command would break one of the negotiation's rules, e.g. a statement by an unregistered party. */
public final class RuleViolationException extends LedgerException {

    public RuleViolationException(String code, String message) {
        super(code, message);
    }

    /** The command names a {@code kind} of record ("statement") by an id the negotiation does not have. */
    public static RuleViolationException unknown(String kind, String id, String negotiationId) {
        return new RuleViolationException("unknown-" + kind, kind + " '" + id + "' does not exist in negotiation '"
                + negotiationId + "'");
    }
}
