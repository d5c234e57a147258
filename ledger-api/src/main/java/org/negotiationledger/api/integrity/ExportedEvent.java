package org.negotiationledger.api.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored event as an export holds it, one JSON line each: everything the store keeps of it,
 * so that a restore stores it again as it was and its hash chain still verifies.
 *
 * @param position   the event's global position in the ledger it came from, which a restore keeps
 * @param type       the event's type (StatementRecorded); a restore takes the stored class name too
 * @param revision   the revision the payload was stored in
 * @param recordedAt the recording time as stored
 * @param hash       the event's seal, also in its metadata, for the reader's convenience
 * @param firstForm  on events sealed in the first form (no hashForm in their metadata), what that
 *                   seal covers besides the stored columns, so that a verifier of the export needs no
 *                   code of the ledger (docs/integrity.md); absent on other events, and on a first-form
 *                   event whose payload cannot be read as an event. A restore ignores it.
 */
record ExportedEvent(Long position, String negotiationId, long sequence, String eventId, String type,
                     String revision, String recordedAt, String hash,
                     @JsonInclude(JsonInclude.Include.NON_NULL) FirstForm firstForm, JsonNode metadata,
                     JsonNode payload) {

    /** @param effectiveOn the date the event takes effect (2025-05-16), null for an event without one */
    record FirstForm(String effectiveOn) {
    }
}
