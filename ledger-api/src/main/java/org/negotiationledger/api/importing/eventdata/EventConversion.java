package org.negotiationledger.api.importing.eventdata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.negotiationledger.api.integrity.Sha256;
import org.negotiationledger.core.api.Values;
import org.negotiationledger.core.api.EventCoding.CodedActor;
import org.negotiationledger.core.api.Stance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * Every other row is skipped and counted with the reason. The records are the bodies of the
 * ledger's own commands, so that they are recorded as any import line is.
 */
final class EventConversion implements EventRows.Sink {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
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
        String place;
        BigDecimal latitude;
        BigDecimal longitude;
        int rows;

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
            if (rows == 1) {
                place = row.place();
                latitude = row.latitude();
                longitude = row.longitude();
            }
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

    /** The import line that records {@code record}: a command's path and its body. */
    ObjectNode line(String batchId, Merged record) {
        ObjectNode line = JSON.objectNode();
        ObjectNode body = JSON.objectNode();
        body.put("id", recordId(batchId, record));
        String reports = format.title() + " from " + record.rows + (record.rows == 1 ? " row" : " rows");
        String action = CameoCodes.name(record.code) + " (CAMEO " + record.code + ")";
        switch (record.rule.as()) {
            case MEETING -> {
                line.put("path", "/api/negotiations/" + negotiationId + "/meetings");
                body.put("heldOn", record.day.toString());
                if (record.place != null) {
                    body.put("location", clip(record.place));
                }
                body.put("level", record.rule.level().name());
                body.putArray("partyIds").add(record.party.party()).add(record.target.party());
                if (record.rule.topic() != null) {
                    body.putArray("topicIds").add(record.rule.topic());
                }
                body.put("summary", "Meeting of " + record.party.name() + " and " + record.target.name() + ": "
                        + String.join(", ", record.codes.stream().map(c -> CameoCodes.name(c) + " (CAMEO " + c + ")")
                        .toList()) + "; machine-coded by " + reports);
            }
            case OUTCOME -> {
                line.put("path", "/api/negotiations/" + negotiationId + "/outcomes");
                body.put("kind", "AGREED");
                body.putArray("topicIds").add(record.rule.topic());
                body.putArray("partyIds").add(record.party.party()).add(record.target.party());
                body.put("terms", action + " between " + record.party.name() + " and " + record.target.name()
                        + "; machine-coded by " + reports);
                body.put("reachedOn", record.day.toString());
            }
            default -> {
                line.put("path", "/api/negotiations/" + negotiationId + "/statements");
                body.put("partyId", record.party.party());
                body.put("topicId", record.rule.topic());
                body.put("stance", record.rule.stance().name());
                body.put("summary", action + " towards " + record.target.name() + "; machine-coded by " + reports);
                body.put("effectiveOn", record.day.toString());
                if (record.place != null) {
                    body.put("note", "Where: " + record.place);
                }
            }
        }
        // A meeting has no source of its own: its reports are in its coding.
        ObjectNode source = record.rule.as() == EventMapping.Kind.MEETING ? null : source(record);
        if (source != null) {
            body.set("source", source);
        }
        body.set("coding", coding(batchId, record));
        line.set("body", body);
        return line;
    }

    private static ObjectNode source(Merged record) {
        String url = record.urls.stream().filter(u -> WEB_ADDRESS.matcher(u).matches()).findFirst().orElse(null);
        String publisher = record.publishers.stream().findFirst().orElse(null);
        if (url == null && publisher == null) {
            return null;
        }
        ObjectNode source = JSON.objectNode();
        if (publisher != null) {
            source.put("publisher", clip(publisher));
        }
        if (url != null) {
            source.put("url", url);
        }
        if (record.addedOn != null && !record.addedOn.isBefore(record.day)) {
            source.put("publishedOn", record.addedOn.toString());
        }
        return source;
    }

    private ObjectNode coding(String batchId, Merged record) {
        ObjectNode coding = JSON.objectNode();
        coding.put("dataset", format.id());
        coding.put("batchId", batchId);
        ArrayNode ids = coding.putArray("eventIds");
        record.eventIds.forEach(ids::add);
        coding.put("cameoCode", record.code);
        putNumber(coding, "quadClass", record.quadClass);
        putNumber(coding, "goldstein", record.goldstein);
        putNumber(coding, "tone", record.tone());
        putNumber(coding, "mentions", record.mentions);
        putNumber(coding, "sources", record.sources);
        putNumber(coding, "articles", record.articles);
        ArrayNode urls = coding.putArray("urls");
        record.urls.forEach(urls::add);
        ArrayNode publishers = coding.putArray("publishers");
        record.publishers.forEach(p -> publishers.add(clip(p)));
        ArrayNode stories = coding.putArray("stories");
        record.stories.forEach(stories::add);
        coding.put("targetPartyId", record.target.party());
        coding.set("actors", actors(record.actors));
        coding.set("targets", actors(record.targets));
        coding.put("place", clip(record.place));
        putNumber(coding, "latitude", record.latitude);
        putNumber(coding, "longitude", record.longitude);
        return coding;
    }

    private static ArrayNode actors(Set<CodedActor> actors) {
        ArrayNode list = JSON.arrayNode();
        for (CodedActor actor : actors) {
            ObjectNode coded = list.addObject();
            coded.put("code", actor.code());
            coded.put("name", clip(actor.name()));
            coded.put("country", clip(actor.country()));
            ArrayNode sectors = coded.putArray("sectors");
            actor.sectors().stream().limit(Values.ITEMS).forEach(s -> sectors.add(clip(s)));
            ArrayNode groups = coded.putArray("groups");
            actor.groups().forEach(groups::add);
        }
        return list;
    }

    private static void putNumber(ObjectNode node, String field, Number value) {
        if (value instanceof Integer whole) {
            node.put(field, whole);
        } else if (value instanceof BigDecimal decimal) {
            node.put(field, decimal);
        }
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
            counts.get("byKind").merge(record.rule.as().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
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
