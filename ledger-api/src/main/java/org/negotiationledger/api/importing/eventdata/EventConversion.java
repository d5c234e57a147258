package org.negotiationledger.api.importing.eventdata;

import org.negotiationledger.api.commands.CommandRoutes.CodedActorBody;
import org.negotiationledger.api.commands.CommandRoutes.CodingBody;
import org.negotiationledger.api.commands.CommandRoutes.CommandRequest;
import org.negotiationledger.api.commands.CommandRoutes.CorroborationRequest;
import org.negotiationledger.api.commands.CommandRoutes.RecordMeetingRequest;
import org.negotiationledger.api.commands.CommandRoutes.RecordOutcomeRequest;
import org.negotiationledger.api.commands.CommandRoutes.RecordStatementRequest;
import org.negotiationledger.api.commands.CommandRoutes.SourceBody;
import org.negotiationledger.api.integrity.Sha256;
import org.negotiationledger.core.api.EventCoding.CodedActor;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.Values;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns rows of event data into the negotiation's records, by a mapping: each row whose two actors
 * are two different parties and whose code the mapping keeps is added to the record of its event;
 * rows that report the same event (same day, same parties, same code; for an agreement, the same
 * two parties either way round; for a meeting, the same two parties on the day whatever the code,
 * since "A visits B" and "B hosts A" report one meeting) make one record, their mentions summed
 * and every address kept.
 * Every other row is skipped and counted with the reason. The records are the requests of the
 * ledger's own commands (the records an HTTP body is bound to), checked and recorded as the lines
 * of an import are.
 */
final class EventConversion implements EventRows.Sink {

    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://\\S+");
    /** Past this many distinct reasons, further ones are counted together. */
    private static final int REASONS = 50;
    private static final String OTHER_REASONS = "other reasons";

    private final EventFormat format;
    private final EventMapping mapping;
    private final String negotiationId;
    private final LocalDate openedOn;
    private final LocalDate lastDay;
    private final Map<String, Optional<EventMapping.CodeRule>> rules = new HashMap<>();
    private final Map<String, Merged> records = new LinkedHashMap<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private long rows;
    private long used;

    /**
     * @param openedOn the day the negotiation opened: earlier rows are skipped
     * @param lastDay  the latest day a record may have (today, at the earliest time zone)
     */
    EventConversion(EventFormat format, EventMapping mapping, String negotiationId, LocalDate openedOn,
                    LocalDate lastDay) {
        this.format = format;
        this.mapping = mapping;
        this.negotiationId = negotiationId;
        this.openedOn = openedOn;
        this.lastDay = lastDay;
    }

    /** A place rows name: where the first of them put it, and how many do. */
    static final class Place {

        final BigDecimal latitude;
        final BigDecimal longitude;
        int rows;

        Place(BigDecimal latitude, BigDecimal longitude) {
            this.latitude = latitude;
            this.longitude = longitude;
        }
    }

    /** A record of one event: the rows that reported it, summed up. */
    static final class Merged {

        final EventMapping.CodeRule rule;
        final LocalDate day;
        final String code;
        final EventMapping.PartyRule party;
        final EventMapping.PartyRule target;
        final Set<String> eventIds = new LinkedHashSet<>();
        final Set<String> urls = new LinkedHashSet<>();
        final Set<String> publishers = new LinkedHashSet<>();
        final Set<String> stories = new LinkedHashSet<>();
        final Set<CodedActor> actors = new LinkedHashSet<>();
        final Set<CodedActor> targets = new LinkedHashSet<>();
        final Set<String> codes = new LinkedHashSet<>();
        Integer quadClass;
        BigDecimal goldstein;
        BigDecimal toneSum;
        int tones;
        Integer mentions;
        Integer sources;
        Integer articles;
        LocalDate addedOn;
        /** Each place the rows name, in the order first named, with how many rows name it. */
        final Map<String, Place> places = new LinkedHashMap<>();
        int rows;
        /** For a meeting a person recorded on the day between the two parties: its id, which the rows corroborate. */
        String corroborates;

        Merged(EventMapping.CodeRule rule, LocalDate day, String code, EventMapping.PartyRule party,
               EventMapping.PartyRule target) {
            this.rule = rule;
            this.day = day;
            this.code = code;
            this.party = party;
            this.target = target;
        }

        void add(EventRow row) {
            rows++;
            codes.add(row.code());
            keep(eventIds, row.eventId());
            // An address longer than a record takes would refuse the whole record: it is left out.
            keep(urls, row.url() != null && row.url().length() <= Values.URL ? row.url() : null);
            keep(publishers, row.publisher());
            keep(stories, row.story());
            keep(actors, row.actor());
            keep(targets, row.target());
            quadClass = quadClass != null ? quadClass : row.quadClass();
            goldstein = goldstein != null ? goldstein : row.goldstein();
            if (row.tone() != null) {
                toneSum = toneSum == null ? row.tone() : toneSum.add(row.tone());
                tones++;
            }
            mentions = sum(mentions, row.mentions());
            sources = sum(sources, row.sources());
            articles = sum(articles, row.articles());
            if (row.addedOn() != null && (addedOn == null || row.addedOn().isBefore(addedOn))) {
                addedOn = row.addedOn();
            }
            if (row.place() != null) {
                places.computeIfAbsent(row.place(), p -> new Place(row.latitude(), row.longitude())).rows++;
            }
        }

        /** Where the rows put the event most often; of places named equally often, the first named. */
        Optional<Map.Entry<String, Place>> place() {
            return places.entrySet().stream().reduce((most, next) -> next.getValue().rows > most.getValue().rows
                    ? next : most);
        }

        String placeName() {
            return place().map(Map.Entry::getKey).orElse(null);
        }

        /** Keeps the ids and addresses of the first rows, as many as a record holds. */
        private static <T> void keep(Set<T> kept, T value) {
            if (value != null && kept.size() < Values.CODED_ROWS) {
                kept.add(value);
            }
        }

        private static Integer sum(Integer total, Integer more) {
            if (more == null) {
                return total;
            }
            return total == null ? more : Integer.valueOf(total + more);
        }

        BigDecimal tone() {
            return tones == 0 ? null
                    : toneSum.divide(BigDecimal.valueOf(tones), new MathContext(6, RoundingMode.HALF_EVEN));
        }
    }

    @Override
    public void row(EventRow row) {
        rows++;
        Optional<EventMapping.CodeRule> rule = rules.computeIfAbsent(row.code(), mapping::ruleFor);
        if (rule.isEmpty()) {
            skip("the mapping has no rule for CAMEO code " + row.code());
            return;
        }
        if (rule.get().as() == EventMapping.Kind.IGNORE) {
            skip("the mapping ignores CAMEO code " + row.code() + " (" + CameoCodes.name(row.code()) + ")");
            return;
        }
        Optional<EventMapping.PartyRule> party = mapping.partyOf(row.actor());
        if (party.isEmpty()) {
            skip(row.actor() == null ? "the row has no source actor" : "the source actor is none of the parties");
            return;
        }
        Optional<EventMapping.PartyRule> target = mapping.partyOf(row.target());
        if (target.isEmpty()) {
            skip(row.target() == null ? "the row has no target actor" : "the target actor is none of the parties");
            return;
        }
        if (party.get() == target.get()) {
            skip("both actors are the same party");
            return;
        }
        if (row.day().isBefore(openedOn)) {
            skip("dated before the negotiation opened (" + openedOn + ")");
            return;
        }
        if (row.day().isAfter(lastDay)) {
            skip("dated after today");
            return;
        }
        String filtered = mapping.filters().refusal(row);
        if (filtered != null) {
            skip(filtered);
            return;
        }
        used++;
        records.computeIfAbsent(key(rule.get(), row.day(), row.code(), party.get().party(), target.get().party()),
                k -> new Merged(rule.get(), row.day(), row.code(), party.get(), target.get())).add(row);
    }

    @Override
    public void skipped(long line, String reason) {
        rows++;
        skip("unreadable: " + reason);
    }

    private void skip(String reason) {
        String counted = skipped.containsKey(reason) || skipped.size() < REASONS ? reason : OTHER_REASONS;
        skipped.merge(counted, 1L, Long::sum);
    }

    /** Rows of one event share a key: an agreement's or a meeting's two parties in either order, a meeting's any code. */
    private static String key(EventMapping.CodeRule rule, LocalDate day, String code, String party, String target) {
        boolean mutual = rule.as() != EventMapping.Kind.STATEMENT && party.compareTo(target) > 0;
        String what = rule.as() == EventMapping.Kind.MEETING ? "" : code + " ";
        return rule.as() + " " + day + " " + what + (mutual ? target + " " + party : party + " " + target);
    }

    long rows() {
        return rows;
    }

    long used() {
        return used;
    }

    Map<String, Long> skippedByReason() {
        return skipped;
    }

    List<Merged> records() {
        return List.copyOf(records.values());
    }

    /**
     * Makes each meeting of rows that report a meeting a person recorded (same day, both parties
     * among its parties) a corroboration of it, not a second meeting; {@code recorded} holds those
     * meetings by {@link #meetingKey}. Rows that name no report to add are skipped.
     */
    void corroborate(Map<String, String> recorded) {
        for (Iterator<Merged> each = records.values().iterator(); each.hasNext(); ) {
            Merged record = each.next();
            String meeting = record.rule.as() == EventMapping.Kind.MEETING
                    ? recorded.get(meetingKey(record.day, record.party.party(), record.target.party())) : null;
            if (meeting == null) {
                continue;
            }
            if (reports(record).isEmpty()) {
                each.remove();
                used -= record.rows;
                for (int row = 0; row < record.rows; row++) {
                    skip("reports meeting '" + meeting + "', recorded by a person, but names no report to add");
                }
            } else {
                record.corroborates = meeting;
            }
        }
    }

    /** How a recorded meeting is found by the rows of its day: the day and the two parties, in order. */
    static String meetingKey(LocalDate day, String party, String other) {
        return day + " " + (party.compareTo(other) < 0 ? party + " " + other : other + " " + party);
    }

    /** The record's id in the batch: the same file imported again makes the same ids. */
    static String recordId(String batchId, Merged record) {
        String key = key(record.rule, record.day, record.code, record.party.party(), record.target.party());
        String kind = switch (record.rule.as()) {
            case OUTCOME -> "o";
            case MEETING -> "m";
            default -> "s";
        };
        return batchId + "-" + kind + "-" + Sha256.hex(key).substring(0, 16);
    }

    /**
     * The request that records {@code record}: the same request record an HTTP client's body is
     * bound to, so that it is checked as that body would be, and a field renamed there fails the
     * build here.
     */
    CommandRequest request(String batchId, Merged record) {
        String id = recordId(batchId, record);
        String reports = format.title() + " from " + record.rows + (record.rows == 1 ? " row" : " rows");
        String action = CameoCodes.name(record.code) + " (CAMEO " + record.code + ")";
        List<String> parties = List.of(record.party.party(), record.target.party());
        CodingBody coding = coding(batchId, record);
        if (record.corroborates != null) {
            return new CorroborationRequest(id, reports(record), coding);
        }
        return switch (record.rule.as()) {
            // A machine-made meeting's reports are in its coding, not in sources.
            case MEETING -> new RecordMeetingRequest(id, record.day, clip(record.placeName()), record.rule.level(),
                    parties, null, null, record.rule.topic() == null ? null : List.of(record.rule.topic()),
                    "Meeting of " + record.party.name() + " and " + record.target.name() + ": "
                            + String.join(", ", record.codes.stream().map(c -> CameoCodes.name(c) + " (CAMEO " + c
                            + ")").toList()) + "; machine-coded by " + reports, coding, null, null, null, null, null);
            case OUTCOME -> new RecordOutcomeRequest(id, OutcomeKind.AGREED, List.of(record.rule.topic()), parties,
                    action + " between " + record.party.name() + " and " + record.target.name()
                            + "; machine-coded by " + reports, record.day, null, source(record), null, coding);
            default -> new RecordStatementRequest(id, record.party.party(), null, record.rule.topic(),
                    record.rule.stance(), action + " towards " + record.target.name() + "; machine-coded by " + reports,
                    null, null, record.day, source(record), null,
                    record.placeName() == null ? null : "Where: " + record.placeName(),
                    null, null, coding, record.target.party(), null, null);
        };
    }

    private static SourceBody source(Merged record) {
        String url = record.urls.stream().filter(u -> WEB_ADDRESS.matcher(u).matches())
                .filter(u -> !Source.isFrontPage(u)).findFirst().orElse(null);
        String publisher = record.publishers.stream().findFirst().orElse(null);
        if (url == null && publisher == null) {
            return null;
        }
        LocalDate publishedOn = record.addedOn != null && !record.addedOn.isBefore(record.day) ? record.addedOn : null;
        return new SourceBody(clip(publisher), null, url, publishedOn, null, null, null, null);
    }

    /**
     * The reports a corroboration adds: each web address of the rows (a site's front page passed
     * over), else each publisher (ICEWS), as many as a record holds, published on the day the rows
     * entered the dataset.
     */
    private static List<SourceBody> reports(Merged record) {
        LocalDate publishedOn = record.addedOn != null && !record.addedOn.isBefore(record.day) ? record.addedOn : null;
        List<SourceBody> reports = record.urls.stream().filter(u -> WEB_ADDRESS.matcher(u).matches())
                .filter(u -> !Source.isFrontPage(u)).limit(Values.ITEMS)
                .map(url -> new SourceBody(null, null, url, publishedOn, null, null, null, null)).toList();
        if (!reports.isEmpty()) {
            return reports;
        }
        return record.publishers.stream().limit(Values.ITEMS)
                .map(publisher -> new SourceBody(clip(publisher), null, null, publishedOn, null, null, null, null))
                .toList();
    }

    private CodingBody coding(String batchId, Merged record) {
        return new CodingBody(format.id(), batchId, List.copyOf(record.eventIds), record.code, record.quadClass,
                record.goldstein, record.tone(), record.mentions, record.sources, record.articles,
                List.copyOf(record.urls), record.publishers.stream().map(EventConversion::clip).toList(),
                List.copyOf(record.stories), record.target.party(), actors(record.actors), actors(record.targets),
                clip(record.placeName()), record.place().map(place -> place.getValue().latitude).orElse(null),
                record.place().map(place -> place.getValue().longitude).orElse(null));
    }

    private static List<CodedActorBody> actors(Set<CodedActor> actors) {
        return actors.stream().map(actor -> new CodedActorBody(actor.code(), clip(actor.name()),
                clip(actor.country()), actor.sectors().stream().limit(Values.ITEMS).map(EventConversion::clip)
                .toList(), actor.groups())).toList();
    }

    private static String clip(String text) {
        return text == null || text.length() <= Values.NAME ? text : text.substring(0, Values.NAME);
    }

    /** Counts of the records by party, topic and stance, for the report. */
    static Map<String, Map<String, Long>> counts(List<Merged> records) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String what : List.of("byKind", "byParty", "byTopic", "byStance")) {
            counts.put(what, new TreeMap<>());
        }
        for (Merged record : records) {
            String kind = record.corroborates != null ? "corroboration"
                    : record.rule.as().name().toLowerCase(Locale.ROOT);
            counts.get("byKind").merge(kind, 1L, Long::sum);
            counts.get("byParty").merge(record.party.party(), 1L, Long::sum);
            if (record.rule.topic() != null) {
                counts.get("byTopic").merge(record.rule.topic(), 1L, Long::sum);
            }
            Stance stance = record.rule.stance();
            if (record.rule.as() == EventMapping.Kind.STATEMENT && stance != null) {
                counts.get("byStance").merge(stance.name(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The records by day, in the order of their first rows within a day. */
    static List<Merged> sorted(List<Merged> records) {
        List<Merged> byDay = new ArrayList<>(records);
        byDay.sort(Comparator.comparing((Merged record) -> record.day));
        return byDay;
    }
}
