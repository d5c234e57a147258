package org.negotiationledger.api.importing.eventdata;

import org.negotiationledger.core.api.EventCoding.CodedActor;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.Stance;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How rows of event data become records of a negotiation: which coded actors are which of its
 * parties, and what each CAMEO code becomes (a statement on a topic with a stance, an agreement,
 * a meeting of the day, or nothing). Read from a file the user edits ({@link EventMappings});
 * docs/event-data.md describes it.
 */
record EventMapping(List<PartyRule> parties, List<TopicRule> topics, List<CodeRule> codes, Filters filters) {

    /** No filters: every row a rule keeps is used. */
    static final Filters NO_FILTERS = new Filters(null, null, false);

    /** What a code makes of a row. */
    enum Kind {
        STATEMENT, OUTCOME, MEETING, IGNORE
    }

    /** A party of the negotiation and the actors that are it: those one of {@code match} fits. */
    record PartyRule(String party, String name, PartyRole role, List<ActorMatch> match) {

        boolean fits(CodedActor actor) {
            return actor != null && match.stream().anyMatch(m -> m.fits(actor));
        }
    }

    /**
     * One way of recognising an actor, by exactly one of: {@code actor}, the CAMEO actor code
     * (GDELT, e.g. RUSGOV); {@code country}, its country (GDELT's CAMEO country code such as RUS,
     * ICEWS's country name such as Russian Federation); {@code name}, its name as coded. When
     * {@code sectors} names any, the actor must also have one of them (GDELT's type codes such as
     * GOV or MIL, ICEWS's sectors such as Government or Military).
     */
    record ActorMatch(String actor, String country, String name, List<String> sectors) {

        boolean fits(CodedActor coded) {
            boolean named = same(actor, coded.code()) || same(country, coded.country()) || same(name, coded.name());
            return named && (sectors.isEmpty() || coded.sectors().stream()
                    .anyMatch(sector -> sectors.stream().anyMatch(sector::equalsIgnoreCase)));
        }

        private static boolean same(String wanted, String coded) {
            return wanted != null && coded != null && wanted.equalsIgnoreCase(coded);
        }
    }

    record TopicRule(String id, String title) {
    }

    /**
     * What rows with a CAMEO code become: {@code code} names one code exactly, {@code prefix} every
     * code that begins with it (a root such as "05", a base code such as "084"). An exact code wins
     * over a prefix, a longer prefix over a shorter one. A statement has a topic and a stance, an
     * outcome a topic, a meeting its level and, if any, a topic.
     */
    record CodeRule(String code, String prefix, Kind as, String topic, Stance stance, MeetingLevel level) {

        /** What two rules must not share: the same exact code, or the same prefix. */
        String key() {
            return code != null ? "code " + code : "prefix " + prefix;
        }
    }

    /**
     * What keeps the noise out: rows reported by fewer than {@code minSources} sources (GDELT's
     * NumSources) or {@code minMentions} mentions (GDELT's NumMentions; an ICEWS row is one
     * mention), or, with {@code rootEventsOnly}, rows that are not the main event of their
     * paragraph (GDELT's IsRootEvent), are skipped. Null: no minimum.
     */
    record Filters(Integer minSources, Integer minMentions, boolean rootEventsOnly) {

        /** Why a row is skipped, or null when it passes. */
        String refusal(EventRow row) {
            if (minSources != null && (row.sources() == null || row.sources() < minSources)) {
                return "reported by fewer than " + minSources + " sources (the mapping's minSources)";
            }
            if (minMentions != null && (row.mentions() == null || row.mentions() < minMentions)) {
                return "mentioned fewer than " + minMentions + " times (the mapping's minMentions)";
            }
            if (rootEventsOnly && !Boolean.TRUE.equals(row.root())) {
                return "not a root event (the mapping's rootEventsOnly)";
            }
            return null;
        }

        /** The filter a format's rows cannot be judged by (ICEWS counts no sources, marks no root events), or null. */
        String notIn(EventFormat format) {
            if (format != EventFormat.ICEWS) {
                return null;
            }
            return minSources != null ? "minSources" : rootEventsOnly ? "rootEventsOnly" : null;
        }
    }

    /**
     * What a batch's id is made of: a mapping without filters gives the text an earlier release gave
     * it, so that a file imported then and again now is the same batch.
     */
    String identity() {
        String rules = "EventMapping[parties=" + parties + ", topics=" + topics + ", codes=" + codes + "]";
        return filters.equals(NO_FILTERS) ? rules : rules + " " + filters;
    }

    /** The party an actor is, if any: the first rule that fits it. */
    Optional<PartyRule> partyOf(CodedActor actor) {
        return parties.stream().filter(rule -> rule.fits(actor)).findFirst();
    }

    /** The rule for a code, if any. */
    Optional<CodeRule> ruleFor(String cameoCode) {
        Optional<CodeRule> exact = codes.stream().filter(rule -> cameoCode.equals(rule.code())).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return codes.stream().filter(rule -> rule.prefix() != null && cameoCode.startsWith(rule.prefix()))
                .max(Comparator.comparingInt(rule -> rule.prefix().length()));
    }

    /** The topic's title, by its id. */
    Map<String, String> topicTitles() {
        return topics.stream().collect(Collectors.toMap(TopicRule::id, TopicRule::title, (a, b) -> b));
    }

    /** This mapping's parties and filters with the other's codes and topics under its own: its own win. */
    EventMapping over(EventMapping defaults) {
        return new EventMapping(parties, merged(topics, defaults.topics(), TopicRule::id),
                merged(codes, defaults.codes(), CodeRule::key), filters);
    }

    private static <T> List<T> merged(List<T> own, List<T> defaults, Function<T, String> key) {
        Map<String, T> all = new LinkedHashMap<>();
        defaults.forEach(rule -> all.put(key.apply(rule), rule));
        own.forEach(rule -> all.put(key.apply(rule), rule));
        return List.copyOf(all.values());
    }
}
