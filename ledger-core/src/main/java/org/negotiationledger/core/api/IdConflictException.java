package org.negotiationledger.core.api;

/** An id is already taken by a record with other content: a repeat must be identical to be a no-op. */
public final class IdConflictException extends LedgerException {

    public IdConflictException(String code, String message) {
        super(code, message);
    }
}
