package org.negotiationledger.api.integrity;

import org.axonframework.serialization.Serializer;
import org.negotiationledger.api.integrity.Verification.Broken;
import org.negotiationledger.api.integrity.Verification.Problem;
import org.negotiationledger.api.storage.EventRows;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Recomputes a negotiation's hash chain from the rows as stored, in sequence order, and names
 * the first event that no longer matches. It reads the raw columns, never a view or a cache.
 */
@Component
class ChainVerifier {

    private final EventRows rows;
    private final Serializer serializer;

    ChainVerifier(EventRows rows, @Qualifier("eventSerializer") Serializer serializer) {
        this.rows = rows;
        this.serializer = serializer;
    }

    /** Verifies the whole history; empty when the negotiation has no events. */
    Optional<Verification> verify(String negotiationId) {
        return verify(negotiationId, null);
    }

    /** The sequence and hash of a checkpoint a user kept. */
    record Kept(long sequence, String hash) {
    }

    /** Verifies the history and, when {@code kept} is given, that it still holds that checkpoint. */
    Optional<Verification> verify(String negotiationId, Kept kept) {
        OptionalLong lastSequence = rows.lastSequence(negotiationId);
        if (lastSequence.isEmpty()) {
            return Optional.empty();
        }
        Walk walk = new Walk(negotiationId, lastSequence.getAsLong(), kept);
        rows.forEach(negotiationId, row -> {
            if (walk.broken == null) {
                walk.next(StoredEvent.of(row));
            }
        });
        if (walk.broken == null && kept != null) {
            walk.checkAgainstKept();
        }
        return Optional.of(walk.result());
    }

    /** Every negotiation in the store, in id order, verified one after the other. */
    void verifyAll(Consumer<Verification> each) {
        for (String id : rows.negotiations()) {
            verify(id).ifPresent(each);
        }
    }

    /** One pass along a negotiation's rows. */
    private final class Walk {

        private final String negotiationId;
        private final long lastSequence;
        private final Kept kept;
        private long expectedSequence;
        private String previousHash = EventSeal.GENESIS;
        private String hashAtKept;
        private long events;
        private Broken broken;

        Walk(String negotiationId, long lastSequence, Kept kept) {
            this.negotiationId = negotiationId;
            this.lastSequence = lastSequence;
            this.kept = kept;
        }

        void next(StoredEvent event) {
            events++;
            if (event.sequence() != expectedSequence) {
                broken = new Broken(expectedSequence, null, null, Problem.EVENT_MISSING, "the event at sequence "
                        + expectedSequence + " is missing; the next stored event has sequence " + event.sequence());
                return;
            }
            String storedHash = event.storedHash();
            String storedPrevious = event.storedPreviousHash();
            if (storedHash == null || storedPrevious == null) {
                broken = broken(event, Problem.UNSEALED, "the event carries no hash");
                return;
            }
            EventSeal seal;
            try {
                seal = event.seal(event.sequence(), serializer);
            } catch (IOException unreadable) {
                broken = broken(event, Problem.CONTENT_CHANGED, unreadable.getMessage());
                return;
            }
            if (!seal.hash(storedPrevious).equals(storedHash)) {
                broken = movedOrChanged(event);
                return;
            }
            if (!storedPrevious.equals(previousHash)) {
                broken = broken(event, Problem.ORDER_CHANGED, "the event is intact but was not recorded after the "
                        + "event now before it");
                return;
            }
            previousHash = storedHash;
            if (kept != null && kept.sequence() == event.sequence()) {
                hashAtKept = storedHash;
            }
            expectedSequence++;
        }

        /** Tells an event that stands at another sequence number from one whose content was edited. */
        private Broken movedOrChanged(StoredEvent event) {
            try {
                for (long other = 0; other <= lastSequence; other++) {
                    if (other != event.sequence() && event.seal(other, serializer)
                            .hash(event.storedPreviousHash()).equals(event.storedHash())) {
                        return broken(event, Problem.ORDER_CHANGED, "the event recorded at sequence " + other
                                + " is stored at sequence " + event.sequence());
                    }
                }
            } catch (IOException unreadable) {
                return broken(event, Problem.CONTENT_CHANGED, unreadable.getMessage());
            }
            return broken(event, Problem.CONTENT_CHANGED, "the stored content no longer matches the hash it was "
                    + "recorded with");
        }

        private Broken broken(StoredEvent event, Problem problem, String detail) {
            return new Broken(event.sequence(), event.eventId(), event.position(), problem, detail);
        }

        void checkAgainstKept() {
            long last = expectedSequence - 1;
            if (kept.sequence() > last) {
                broken = new Broken(last + 1, null, null, Problem.TRUNCATED, "the history ends at sequence " + last
                        + " but the checkpoint was taken at sequence " + kept.sequence()
                        + ": events were removed from its end");
            } else if (!kept.hash().equals(hashAtKept)) {
                broken = new Broken(kept.sequence(), null, null, Problem.REWRITTEN, "the history up to sequence "
                        + kept.sequence() + " is not the one the checkpoint was taken of");
            }
        }

        Verification result() {
            boolean intact = broken == null;
            return new Verification(negotiationId, intact, events, intact ? expectedSequence - 1 : null,
                    intact ? previousHash : null, broken);
        }
    }
}
