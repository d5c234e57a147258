package org.negotiationledger.api.importing.eventdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

/**
 * What an import of event data did, or, in a dry run, would do.
 *
 * @param batchId   the batch's id: the same file, dataset and mapping into the same negotiation
 *                  give the same id, and a second import of them is recognised as a repeat
 * @param dataset   gdelt1, gdelt2 or icews
 * @param rows      the rows read
 * @param rowsUsed  the rows that made records (several rows of one event make one record)
 * @param skipped   the rows not used, by reason
 * @param records   the records made of the rows
 * @param counts    the records by kind, party, topic and stance
 * @param recorded  the records stored now (null in a dry run)
 * @param repeated  the records that were already stored (null in a dry run)
 * @param refused   the records the ledger refused, each with its problem (null in a dry run)
 * @param retracted the batch's records the negotiation held retracted before this import, which it
 *                  does not bring back
 * @param advice    what to do about them, when there are any
 * @param restored  whether the import records a batch that was retracted whole again, as a new batch
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventDataReport(String batchId, String negotiationId, String dataset, boolean dryRun, long rows,
                              long rowsUsed, Map<String, Long> skipped, long records,
                              Map<String, Map<String, Long>> counts, Long recorded, Long repeated,
                              List<Refusal> refused, long retracted, String advice, boolean restored) {

    /** A record the ledger refused, and why. */
    public record Refusal(String recordId, ProblemDetail problem) {
    }
}
