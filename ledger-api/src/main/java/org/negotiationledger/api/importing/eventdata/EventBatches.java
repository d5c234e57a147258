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
import org.negotiationledger.core.api.CorroborationRetracted;
import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.MeetingCorroborated;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records an import of event data made, found by their batch in the negotiation's own history,
 * and taken back out: each statement, outcome, meeting and corroboration of a meeting of the batch
 * not retracted yet is retracted, with the reason, in one import of retractions.
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
        Records held = records(negotiationId);
        Set<String> records = held.of(batchId);
        if (records.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "negotiation '" + negotiationId
                    + "' has no records of batch '" + batchId + "'").with("batchId", batchId);
        }
        List<String> open = records.stream().filter(record -> !held.retracted().contains(record)).toList();
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

    /**
     * The batch an import goes into, with what the negotiation holds of it.
     *
     * @param id        the batch's id
     * @param records   its records the negotiation holds
     * @param retracted how many of them are retracted
     * @param restoring whether the import records a batch retracted whole again, under this new id
     */
    record Batch(String id, long records, long retracted, boolean restoring) {
    }

    /**
     * The batch an import whose rows and mapping make {@code batchId} goes into: the latest
     * restoration of it the negotiation holds ({@code batchId-r1}, {@code -r2} …), or {@code batchId}
     * itself. With {@code restore}, a batch retracted whole is recorded again as its next restoration;
     * a batch whose records were retracted only in part is refused, since restoring it would record
     * its standing records twice.
     */
    Batch target(String negotiationId, String batchId, boolean restore) {
        Records held = records(negotiationId);
        String latest = batchId;
        for (int next = 1; !held.of(restoration(batchId, next)).isEmpty(); next++) {
            latest = restoration(batchId, next);
        }
        Set<String> records = held.of(latest);
        long retracted = records.stream().filter(held.retracted()::contains).count();
        if (!restore || retracted == 0) {
            return new Batch(latest, records.size(), retracted, false);
        }
        if (retracted < records.size()) {
            throw new ProblemException(ProblemType.RULE_VIOLATION, retracted + " of the " + records.size()
                    + " records of batch '" + latest + "' are retracted, the others stand: restore records a batch "
                    + "again only when all of it was retracted (retract the rest first, or record the missing ones "
                    + "by hand)").with("rule", "restore-whole-batch").with("field", "restore").with("batchId", latest);
        }
        String restored = latest.equals(batchId) ? restoration(batchId, 1)
                : restoration(batchId, Integer.parseInt(latest.substring(latest.lastIndexOf("-r") + 2)) + 1);
        return new Batch(restored, 0, 0, true);
    }

    private static String restoration(String batchId, int number) {
        return batchId + "-r" + number;
    }

    /** The records of each batch, each as the path of its kind and its id ("statements/s-1"), and those retracted. */
    private record Records(Map<String, Set<String>> byBatch, Set<String> retracted) {

        Set<String> of(String batchId) {
            return byBatch.getOrDefault(batchId, Set.of());
        }
    }

    /** What the negotiation's own history holds of every batch, in the order recorded. */
    private Records records(String negotiationId) {
        Map<String, Set<String>> byBatch = new HashMap<>();
        Set<String> retracted = new HashSet<>();
        events.readEvents(negotiationId, 0).asStream().map(DomainEventMessage::getPayload).forEach(event -> {
            if (event instanceof StatementRecorded statement && statement.coding() != null) {
                add(byBatch, statement.coding(), "statements/" + statement.statementId());
            } else if (event instanceof OutcomeRecorded outcome && outcome.coding() != null) {
                add(byBatch, outcome.coding(), "outcomes/" + outcome.outcomeId());
            } else if (event instanceof MeetingHeld meeting && meeting.coding() != null) {
                add(byBatch, meeting.coding(), "meetings/" + meeting.meetingId());
            } else if (event instanceof MeetingCorroborated corroboration && corroboration.coding() != null) {
                add(byBatch, corroboration.coding(), "meetings/" + corroboration.meetingId() + "/corroborations/"
                        + corroboration.corroborationId());
            } else if (event instanceof StatementRetracted statement) {
                retracted.add("statements/" + statement.statementId());
            } else if (event instanceof OutcomeRetracted outcome) {
                retracted.add("outcomes/" + outcome.outcomeId());
            } else if (event instanceof MeetingRetracted meeting) {
                retracted.add("meetings/" + meeting.meetingId());
            } else if (event instanceof CorroborationRetracted corroboration) {
                retracted.add("meetings/" + corroboration.meetingId() + "/corroborations/"
                        + corroboration.corroborationId());
            }
        });
        return new Records(byBatch, retracted);
    }

    private static void add(Map<String, Set<String>> byBatch, EventCoding coding, String record) {
        byBatch.computeIfAbsent(coding.batchId(), batch -> new LinkedHashSet<>()).add(record);
    }
}
