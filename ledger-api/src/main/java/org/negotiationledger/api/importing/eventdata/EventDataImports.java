package org.negotiationledger.api.importing.eventdata;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.negotiationledger.api.commands.CommandMetadata;
import org.negotiationledger.api.commands.CommandReader;
import org.negotiationledger.api.commands.CommandRoutes;
import org.negotiationledger.api.commands.CommandSender;
import org.negotiationledger.api.importing.CommandImporter;
import org.negotiationledger.api.importing.ImportResult;
import org.negotiationledger.api.importing.ImportSummary;
import org.negotiationledger.api.integrity.Sha256;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.storage.StoreHeads;
import org.negotiationledger.api.views.processing.ViewProgress;
import org.negotiationledger.core.api.AddTopic;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.RegisterParty;
import org.negotiationledger.projections.meetings.FindMeetingTimeline;
import org.negotiationledger.projections.meetings.Meeting;
import org.negotiationledger.projections.meetings.MeetingTimeline;
import org.negotiationledger.projections.meetings.MeetingsProjector;
import org.negotiationledger.projections.overview.FindNegotiation;
import org.negotiationledger.projections.overview.NegotiationSummary;
import org.negotiationledger.projections.overview.OverviewProjector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports event data (GDELT 1.0, GDELT 2.0, ICEWS) into a negotiation: the rows are read and
 * converted by the mapping into the ledger's own commands, which are then recorded as the lines of
 * a JSON Lines import are (in groups, each record accepted, repeated or refused on its own). The
 * one place the conversion lives: the HTTP endpoint and the command line both come here.
 */
@Service
public class EventDataImports {

    /** How long the import waits for the overview to show a negotiation just recorded. */
    private static final Duration OVERVIEW_WAIT = Duration.ofSeconds(5);
    /** The earliest time zone: a day that has begun anywhere on Earth is not in the future. */
    private static final ZoneOffset EARLIEST_TIME_ZONE = ZoneOffset.ofHours(14);

    private static final Logger log = LoggerFactory.getLogger(EventDataImports.class);

    private final CommandImporter importer;
    private final CommandSender commands;
    private final StoreHeads heads;
    private final ViewProgress progress;
    private final QueryGateway queries;
    private final CommandReader reader;
    private final Clock clock;
    private final UploadLimits limits;
    private final EventBatches batches;

    EventDataImports(CommandImporter importer, CommandSender commands, StoreHeads heads, ViewProgress progress,
                     QueryGateway queries, CommandReader reader, Clock clock,
                     @Value("${ledger.event-data.max-uncompressed-size}") DataSize uncompressed,
                     @Value("${ledger.event-data.max-line-size}") DataSize line,
                     @Value("${ledger.event-data.max-archive-entries}") int archiveEntries,
                     @Value("${ledger.event-data.max-mapping-size}") DataSize mapping, EventBatches batches) {
        this.importer = importer;
        this.commands = commands;
        this.heads = heads;
        this.progress = progress;
        this.queries = queries;
        this.reader = reader;
        this.clock = clock;
        this.batches = batches;
        this.limits = new UploadLimits(uncompressed.toBytes(), Math.toIntExact(line.toBytes()), archiveEntries,
                Math.toIntExact(mapping.toBytes()));
    }

    /**
     * Reads {@code file} in {@code format} and records what the mapping makes of its rows in the
     * negotiation; in a dry run, only says what it would record.
     *
     * @param mapping the user's mapping file, or null for the shipped one
     * @param restore  whether a batch retracted whole is recorded again, as a new batch
     */
    public EventDataReport run(String negotiationId, EventFormat format, InputStream file, InputStream mapping,
                               boolean dryRun, boolean restore, CommandMetadata context) throws IOException {
        NegotiationSummary negotiation = negotiation(negotiationId);
        EventMapping rules = EventMappings.of(mapping == null ? null : UploadLimits.capped(mapping,
                        limits.mappingBytes(), "the mapping", "ledger.event-data.max-mapping-size"),
                negotiation.topics().stream().map(NegotiationSummary.Topic::id).collect(Collectors.toSet()));
        String unusable = rules.filters().notIn(format);
        if (unusable != null) {
            throw new ProblemException(ProblemType.INVALID_MAPPING, "the mapping's filter \"" + unusable
                    + "\" cannot apply to " + format.title() + ", whose rows have no such count or mark")
                    .with("field", "mapping");
        }
        MessageDigest batch = Sha256.digest();
        batch.update((format.id() + "\n" + negotiationId + "\n" + rules.identity() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        EventConversion conversion = new EventConversion(format, rules, negotiationId, negotiation.openedOn(),
                LocalDate.now(clock.withZone(EARLIEST_TIME_ZONE)));
        EventRows.read(format, new DigestInputStream(file, batch), limits, conversion);
        conversion.corroborate(recordedMeetings(negotiationId));
        EventBatches.Batch target = batches.target(negotiationId,
                "ed-" + HexFormat.of().formatHex(batch.digest(), 0, 8), restore);
        List<EventConversion.Merged> records = EventConversion.sorted(conversion.records());
        if (dryRun) {
            return report(target, negotiationId, format, true, conversion, records, null, List.of());
        }
        ensurePartiesAndTopics(negotiation, rules, records, context);
        List<EventDataReport.Refusal> refused = new ArrayList<>();
        ImportSummary summary = record(target.id(), conversion, records, negotiationId, context, refused);
        log.info("Event data ({}) into {}: batch {}, {} rows, {} records, {} recorded, {} repeated, {} refused",
                format.id(), negotiationId, target.id(), conversion.rows(), records.size(), summary.accepted(),
                summary.repeated(), summary.refused());
        return report(target, negotiationId, format, false, conversion, records, summary, refused);
    }

    /**
     * The meetings people recorded and did not retract, by {@link EventConversion#meetingKey} for
     * each of their days and each pair of their parties: rows of such a day and pair corroborate the
     * meeting (the first recorded, where there are several).
     */
    private Map<String, String> recordedMeetings(String negotiationId) {
        MeetingTimeline timeline = queries.query(new FindMeetingTimeline(negotiationId, null, null, false),
                ResponseTypes.instanceOf(MeetingTimeline.class)).join();
        Map<String, String> recorded = new HashMap<>();
        for (Meeting meeting : timeline == null ? List.<Meeting>of() : timeline.meetings()) {
            if (meeting.retracted()) {
                continue;
            }
            LocalDate lastDay = meeting.endsOn() == null ? meeting.heldOn() : meeting.endsOn();
            for (LocalDate day = meeting.heldOn(); !day.isAfter(lastDay); day = day.plusDays(1)) {
                for (String party : meeting.partyIds()) {
                    for (String other : meeting.partyIds()) {
                        if (!party.equals(other)) {
                            recorded.putIfAbsent(EventConversion.meetingKey(day, party, other), meeting.id());
                        }
                    }
                }
            }
        }
        return recorded;
    }

    /** The negotiation as the overview shows it once it and the meetings have caught up with its last event. */
    private NegotiationSummary negotiation(String negotiationId) {
        StoreHeads.Head head = heads.negotiation(negotiationId)
                .orElseThrow(() -> ProblemException.unknownNegotiation(negotiationId));
        progress.awaitProcessed(OverviewProjector.NAME, head.position(), OVERVIEW_WAIT);
        progress.awaitProcessed(MeetingsProjector.NAME, head.position(), OVERVIEW_WAIT);
        NegotiationSummary summary = queries.query(new FindNegotiation(negotiationId, null, null),
                ResponseTypes.instanceOf(NegotiationSummary.class)).join();
        if (summary == null) {
            throw ProblemException.unknownNegotiation(negotiationId);
        }
        return summary;
    }

    /** Registers the mapping's parties and adds its topics that the records use and the negotiation lacks. */
    private void ensurePartiesAndTopics(NegotiationSummary negotiation, EventMapping rules,
                                        List<EventConversion.Merged> records, CommandMetadata context) {
        Set<String> parties = negotiation.parties().stream().map(NegotiationSummary.Party::id)
                .collect(Collectors.toSet());
        Set<String> topics = negotiation.topics().stream().map(NegotiationSummary.Topic::id)
                .collect(Collectors.toSet());
        Set<EventMapping.PartyRule> usedParties = new LinkedHashSet<>();
        Set<String> usedTopics = new LinkedHashSet<>();
        for (EventConversion.Merged record : records) {
            usedParties.add(record.party);
            usedParties.add(record.target);
            if (record.rule.topic() != null) {
                usedTopics.add(record.rule.topic());
            }
        }
        Map<String, String> titles = rules.topicTitles();
        for (EventMapping.PartyRule party : usedParties) {
            if (!parties.contains(party.party())) {
                ensure(() -> commands.send(new RegisterParty(negotiation.id(), party.party(), party.name(),
                        party.role(), null, clock.instant()), context));
            }
        }
        for (String topic : usedTopics) {
            if (!topics.contains(topic)) {
                ensure(() -> commands.send(new AddTopic(negotiation.id(), topic, titles.get(topic),
                        "Added by an import of event data", clock.instant()), context));
            }
        }
    }

    /** Sends a set-up command; an id already taken (by another node, just now) is as good. */
    private static void ensure(Runnable sending) {
        try {
            sending.run();
        } catch (IdConflictException alreadyThere) {
            log.debug("Set-up for an event-data import already there: {}", alreadyThere.getMessage());
        }
    }

    /** Records the records as the lines of an import are (in groups, each on its own), and collects the refusals. */
    private ImportSummary record(String batchId, EventConversion conversion, List<EventConversion.Merged> records,
                                 String negotiationId, CommandMetadata context,
                                 List<EventDataReport.Refusal> refused) throws IOException {
        List<CommandImporter.Item> requests = records.stream().<CommandImporter.Item>map(record -> {
            CommandRoutes.CommandRequest request = conversion.request(batchId, record);
            return recordedAt -> reader.read(negotiationId, record.corroborates, request, recordedAt);
        }).toList();
        return importer.run(requests, false, context.recordedBy(), context.correlationId(), result -> {
            if (result.status() == ImportResult.Status.REFUSED) {
                EventConversion.Merged record = records.get((int) result.line() - 1);
                refused.add(new EventDataReport.Refusal(EventConversion.recordId(batchId, record), result.problem()));
            }
        });
    }

    private static EventDataReport report(EventBatches.Batch batch, String negotiationId, EventFormat format,
                                          boolean dryRun, EventConversion conversion,
                                          List<EventConversion.Merged> records, ImportSummary summary,
                                          List<EventDataReport.Refusal> refused) {
        return new EventDataReport(batch.id(), negotiationId, format.id(), dryRun, conversion.rows(),
                conversion.used(), conversion.skippedByReason(), records.size(), EventConversion.counts(records),
                summary == null ? null : summary.accepted(), summary == null ? null : summary.repeated(),
                summary == null ? null : List.copyOf(refused), batch.retracted(), advice(batch),
                batch.restoring());
    }

    /** What a user who imports a retracted batch again should know: it stays retracted unless restored. */
    private static String advice(EventBatches.Batch batch) {
        if (batch.retracted() == 0) {
            return null;
        }
        String stay = batch.retracted() + " of this batch's records were retracted; importing it again does not "
                + "bring them back";
        return batch.retracted() < batch.records() ? stay + "."
                : stay + ": restore=true records the batch again, as a new batch whose records can be retracted "
                + "on their own.";
    }
}
