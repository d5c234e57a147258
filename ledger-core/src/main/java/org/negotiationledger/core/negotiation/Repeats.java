package org.negotiationledger.core.negotiation;

import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.LedgerException;

import java.util.function.Supplier;

/**
 * How a record already in the ledger is recognised when a command brings it again: by its
 * content. Identical, and the command is a no-op; different, and the command is refused.
 */
final class Repeats {

    private Repeats() {
    }

    /** A record with an id of its own: another content under the same id is an id conflict. */
    static boolean isRepeat(String kind, String id, Long knownPrint, Object newRecord, String negotiationId) {
        return isRepeat(knownPrint, newRecord, () -> new IdConflictException("id-conflict", kind + " '" + id
                + "' already exists in negotiation '" + negotiationId + "' with other content"));
    }

    /**
     * A record kept by its day (a role, a title, a status) has no id of its own: the same again on
     * that day is a repeat, another one a conflict.
     */
    static boolean isRepeatOfTheDay(Long knownPrint, Object newRecord, String conflict) {
        return isRepeat(knownPrint, newRecord, () -> new IdConflictException("id-conflict", conflict));
    }

    /**
     * A record that happens at most once to what it concerns (a retraction, a party's leaving, an
     * exchange's agreement): the same again is a repeat, another one is refused as {@code refusal}
     * says.
     */
    static boolean isRepeat(Long knownPrint, Object newRecord, Supplier<? extends LedgerException> refusal) {
        if (knownPrint == null) {
            return false;
        }
        if (knownPrint != Fingerprint.of(newRecord)) {
            throw refusal.get();
        }
        return true;
    }
}
