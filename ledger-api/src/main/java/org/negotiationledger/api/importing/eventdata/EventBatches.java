package org.negotiationledger.api.importing.eventdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.negotiationledger.api.commands.CommandMetadata;
import org.negotiationledger.api.importing.CommandImporter;
import org.negotiationledger.api.importing.ImportResult;
import org.negotiationledger.api.importing.ImportSummary;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.storage.StoreHeads;
import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.MeetingRetracted;
import org.negotiationledger.core.api.OutcomeRecorded;
import org.negotiationledger.core.api.OutcomeRetracted;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The records an import of event data made, found by their batch in the negotiation's own history,
 * and taken back out: each statement, outcome and meeting of the batch not retracted yet is
 * retracted, with the reason, in one import of retractions.
 */
@Service
class EventBatches {

    private final EventStore events;
    private final StoreHeads heads;
    private final CommandImporter importer;
    private final ObjectMapper json;

    EventBatches(EventStore events, StoreHeads heads, CommandImporter importer, ObjectMapper json) {
        this.events = events;
        this.heads = heads;
        this.importer = importer;
        this.json = json;
    }

    /**
     * What a retraction of a batch did.
     *
     * @param records   the records of the batch
     * @param retracted the records retracted now
     * @param already   the records that were retracted before
     * @param refused   the records the ledger refused to retract (a closed negotiation), with why
     */
    record Retraction(String batchId, String negotiationId, long records, long retracted, long already,
                      List<ProblemDetail> refused) {
    }

    Retraction retract(String negotiationId, String batchId, String reason, CommandMetadata context)
            throws IOException {
        if (heads.negotiation(negotiationId).isEmpty()) {
            throw ProblemException.unknownNegotiation(negotiationId);
        }
        // Each record as the path of its kind and its id ("statements/s-1"), in the order recorded.
        Set<String> records = new LinkedHashSet<>();
        Set<String> retracted = new LinkedHashSet<>();
        events.readEvents(negotiationId, 0).asStream().map(DomainEventMessage::getPayload).forEach(event -> {
            if (event instanceof StatementRecorded statement && inBatch(statement.coding(), batchId)) {
                records.add("statements/" + statement.statementId());
            } else if (event instanceof OutcomeRecorded outcome && inBatch(outcome.coding(), batchId)) {
                records.add("outcomes/" + outcome.outcomeId());
            } else if (event instanceof MeetingHeld meeting && inBatch(meeting.coding(), batchId)) {
                records.add("meetings/" + meeting.meetingId());
            } else if (event instanceof StatementRetracted statement) {
                retracted.add("statements/" + statement.statementId());
            } else if (event instanceof OutcomeRetracted outcome) {
                retracted.add("outcomes/" + outcome.outcomeId());
            } else if (event instanceof MeetingRetracted meeting) {
                retracted.add("meetings/" + meeting.meetingId());
            }
        });
        if (records.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "negotiation '" + negotiationId
                    + "' has no records of batch '" + batchId + "'").with("batchId", batchId);
        }
        List<String> open = records.stream().filter(record -> !retracted.contains(record)).toList();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (String record : open) {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("path", "/api/negotiations/" + negotiationId + "/" + record + "/retraction");
            line.putObject("body").put("reason", reason);
            lines.write(json.writeValueAsBytes(line));
            lines.write('\n');
        }
        List<ProblemDetail> refused = new ArrayList<>();
        ImportSummary summary = importer.run(new ByteArrayInputStream(lines.toByteArray()), false,
                context.recordedBy(), context.correlationId(), result -> {
                    if (result.status() == ImportResult.Status.REFUSED) {
                        refused.add(result.problem());
                    }
                });
        return new Retraction(batchId, negotiationId, records.size(), summary.accepted(),
                records.size() - open.size(), List.copyOf(refused));
    }

    private static boolean inBatch(EventCoding coding, String batchId) {
        return coding != null && batchId.equals(coding.batchId());
    }
}
