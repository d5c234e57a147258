package org.negotiationledger.api.importing.eventdata;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.Values;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads a mapping file (JSON) and checks it, so that an error is refused with its line and the
 * reason before anything is imported. A mapping names the negotiation's parties; its topics and
 * codes are laid over the shipped default ({@code default-mapping.json}, covering every CAMEO
 * code), so that a file naming only the parties is a whole mapping.
 */
final class EventMappings {

    static final String DEFAULT = "default-mapping.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    /** The largest minimum a filter takes: more sources or mentions than any event has had. */
    private static final int MAX_MINIMUM = 1_000_000;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,4}");
    /** CAMEO's twenty root codes, "01" to "20". */
    private static final Set<String> ROOTS = IntStream.rangeClosed(1, 20).mapToObj("%02d"::formatted)
            .collect(Collectors.toUnmodifiableSet());

    private EventMappings() {
    }

    /** The shipped mapping: the Russia–Ukraine talks' parties, and a topic and stance for every CAMEO code. */
    static EventMapping shipped() {
        return Shipped.MAPPING;
    }

    /** The shipped mapping, read once, when first asked for. */
    private static final class Shipped {

        static final EventMapping MAPPING = load();

        private static EventMapping load() {
            try (InputStream in = EventMappings.class.getResourceAsStream(DEFAULT)) {
                return read(in, Set.of());
            } catch (IOException e) {
                throw new UncheckedIOException("the shipped mapping cannot be read", e);
            }
        }
    }

    /**
     * A user's mapping laid over the shipped one; the shipped one when there is none. Its codes may
     * name the shipped mapping's topics and {@code negotiationTopics}, the topics the negotiation
     * already has, without declaring them again.
     */
    static EventMapping of(InputStream userMapping, Set<String> negotiationTopics) throws IOException {
        EventMapping shipped = shipped();
        if (userMapping == null) {
            return shipped;
        }
        Set<String> known = new HashSet<>(shipped.topicTitles().keySet());
        known.addAll(negotiationTopics);
        return read(userMapping, known).over(shipped);
    }

    /**
     * The file as written, checked; a problem naming the line of the first error. Its codes may
     * name its own topics and {@code inheritedTopics}.
     */
    static EventMapping read(InputStream in, Set<String> inheritedTopics) throws IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            Reading reading = new Reading(parser, inheritedTopics);
            return reading.mapping();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw invalid(at == null ? 0 : at.getLineNr(), reason(e));
        }
    }

    /** What is wrong, in the file's own terms (never the names of the ledger's classes). */
    private static String reason(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field \"" + unknown.getPropertyName() + "\"; here the fields are "
                    + unknown.getKnownPropertyIds();
        }
        String field = e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()
                ? mismatched.getPath().get(mismatched.getPath().size() - 1).getFieldName() : null;
        if (e instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
            return "\"" + field + "\" must be one of " + List.of(format.getTargetType().getEnumConstants()) + ", not '"
                    + format.getValue() + "'";
        }
        if (e instanceof MismatchedInputException) {
            return field == null ? "a value has the wrong kind (a list, a text or an object is expected)"
                    : "\"" + field + "\" has a value of the wrong kind";
        }
        return "not valid JSON (" + e.getOriginalMessage() + ")";
    }

    private static ProblemException invalid(int line, String reason) {
        return new ProblemException(ProblemType.INVALID_MAPPING, "the mapping has an error at line " + line + ": "
                + reason).with("line", line).with("field", "mapping");
    }

    /** The files as bound, before the checks. */
    private record PartyFile(String party, String name, PartyRole role, List<MatchFile> match) {
    }

    private record MatchFile(String actor, String country, String name, List<String> sectors) {
    }

    private record TopicFile(String id, String title) {
    }

    private record FiltersFile(Integer minSources, Integer minMentions, Boolean rootEventsOnly) {
    }

    private record CodeFile(String code, String prefix, String as, String topic, Stance stance, MeetingLevel level) {
    }

    /** One pass over the file: each entry of the three lists is bound and checked at its line. */
    private static final class Reading {

        private final JsonParser parser;
        private final Set<String> inheritedTopics;
        private final List<EventMapping.PartyRule> parties = new ArrayList<>();
        private final List<EventMapping.TopicRule> topics = new ArrayList<>();
        private final List<EventMapping.CodeRule> codes = new ArrayList<>();
        private final List<Integer> codeLines = new ArrayList<>();
        private final Set<String> partyIds = new HashSet<>();
        private final Set<String> topicIds = new HashSet<>();
        private final Set<String> codeKeys = new HashSet<>();
        private EventMapping.Filters filters = EventMapping.NO_FILTERS;

        Reading(JsonParser parser, Set<String> inheritedTopics) {
            this.parser = parser;
            this.inheritedTopics = inheritedTopics;
        }

        EventMapping mapping() throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(line(), "a mapping is a JSON object with \"parties\", and optionally \"topics\", "
                        + "\"codes\" and \"filters\"");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (field.equals("filters")) {
                    int at = line();
                    parser.nextToken();
                    filters(JSON.readValue(parser, FiltersFile.class), at);
                    continue;
                }
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw invalid(line(), "\"" + field + "\" must be a list");
                }
                switch (field) {
                    case "parties" -> each(at -> party(JSON.readValue(parser, PartyFile.class), at));
                    case "topics" -> each(at -> topic(JSON.readValue(parser, TopicFile.class), at));
                    case "codes" -> each(at -> code(JSON.readValue(parser, CodeFile.class), at));
                    default -> throw invalid(line(), "unknown field \"" + field
                            + "\"; a mapping has \"parties\", \"topics\", \"codes\" and \"filters\"");
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw invalid(line(), "there is more after the mapping's object; a mapping is one JSON object");
            }
            Set<String> known = new HashSet<>(inheritedTopics);
            topics.forEach(topic -> known.add(topic.id()));
            for (int i = 0; i < codes.size(); i++) {
                String topic = codes.get(i).topic();
                if (topic != null && !known.contains(topic)) {
                    throw invalid(codeLines.get(i), "topic '" + topic + "' is neither among the mapping's topics "
                            + "nor the negotiation's");
                }
            }
            return new EventMapping(List.copyOf(parties), List.copyOf(topics), List.copyOf(codes), filters);
        }

        /** An entry of a list, read from its first line on. */
        private interface Entry {
            void read(int line) throws IOException;
        }

        private void each(Entry entry) throws IOException {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                entry.read(line());
            }
        }

        private int line() {
            return parser.currentTokenLocation().getLineNr();
        }

        private void party(PartyFile file, int at) {
            requireId(file.party(), "party", at);
            if (file.name() == null || file.name().isBlank()) {
                throw invalid(at, "party '" + file.party() + "' needs a name");
            }
            requireText(Values.Text.NAME, file.name(), "the name of party '" + file.party() + "'", at);
            if (!partyIds.add(file.party())) {
                throw invalid(at, "party '" + file.party() + "' is named twice");
            }
            if (file.match() == null || file.match().isEmpty()) {
                throw invalid(at, "party '" + file.party() + "' needs at least one \"match\": "
                        + "{\"actor\": …}, {\"country\": …} or {\"name\": …}");
            }
            List<EventMapping.ActorMatch> matches = new ArrayList<>();
            for (MatchFile match : file.match()) {
                int set = (match.actor() == null ? 0 : 1) + (match.country() == null ? 0 : 1)
                        + (match.name() == null ? 0 : 1);
                if (set != 1) {
                    throw invalid(at, "each match of party '" + file.party() + "' names exactly one of actor, "
                            + "country or name");
                }
                matches.add(new EventMapping.ActorMatch(match.actor(), match.country(), match.name(),
                        match.sectors() == null ? List.of() : List.copyOf(match.sectors())));
            }
            parties.add(new EventMapping.PartyRule(file.party(), file.name(),
                    file.role() == null ? PartyRole.PARTY : file.role(), List.copyOf(matches)));
        }

        private void topic(TopicFile file, int at) {
            requireId(file.id(), "topic", at);
            if (file.title() == null || file.title().isBlank()) {
                throw invalid(at, "topic '" + file.id() + "' needs a title");
            }
            requireText(Values.Text.NAME, file.title(), "the title of topic '" + file.id() + "'", at);
            if (!topicIds.add(file.id())) {
                throw invalid(at, "topic '" + file.id() + "' is named twice");
            }
            topics.add(new EventMapping.TopicRule(file.id(), file.title()));
        }

        private void filters(FiltersFile file, int at) {
            if (file == null) {
                throw invalid(at, "\"filters\" is an object, such as {\"minSources\": 2, \"rootEventsOnly\": true}");
            }
            filters = new EventMapping.Filters(minimum(file.minSources(), "minSources", at),
                    minimum(file.minMentions(), "minMentions", at), Boolean.TRUE.equals(file.rootEventsOnly()));
        }

        private static Integer minimum(Integer value, String field, int at) {
            if (value != null && (value < 1 || value > MAX_MINIMUM)) {
                throw invalid(at, "\"" + field + "\" must be a whole number from 1 to " + MAX_MINIMUM + ", not "
                        + value);
            }
            return value;
        }

        private void code(CodeFile file, int at) {
            if ((file.code() == null) == (file.prefix() == null)) {
                throw invalid(at, "each code rule names exactly one of \"code\" (one CAMEO code) or \"prefix\" "
                        + "(every code beginning with it)");
            }
            String digits = file.code() != null ? file.code() : file.prefix();
            if (!DIGITS.matcher(digits).matches() || (file.code() != null && digits.length() < 2)
                    || (digits.length() >= 2 && !ROOTS.contains(digits.substring(0, 2)))) {
                throw invalid(at, "'" + digits + "' is not a CAMEO code: codes are 2 to 4 digits beginning with a "
                        + "root from 01 to 20, as text with their leading zeros (\"057\", not 57)");
            }
            EventMapping.Kind kind = kind(file.as(), at);
            if ((kind == EventMapping.Kind.STATEMENT || kind == EventMapping.Kind.OUTCOME) && file.topic() == null) {
                throw invalid(at, "the rule for " + digits + " makes " + kind.name().toLowerCase(Locale.ROOT)
                        + "s and needs a \"topic\"");
            }
            if (kind == EventMapping.Kind.STATEMENT && file.stance() == null) {
                throw invalid(at, "the rule for " + digits + " makes statements and needs a \"stance\" (one of "
                        + List.of(Stance.values()) + ")");
            }
            if (kind != EventMapping.Kind.MEETING && file.level() != null) {
                throw invalid(at, "the rule for " + digits + " makes " + kind.name().toLowerCase(Locale.ROOT)
                        + "s: only meetings have a \"level\"");
            }
            EventMapping.CodeRule rule = new EventMapping.CodeRule(file.code(), file.prefix(), kind, file.topic(),
                    file.stance(), kind == EventMapping.Kind.MEETING && file.level() == null
                    ? MeetingLevel.DELEGATIONS : file.level());
            if (!codeKeys.add(rule.key())) {
                throw invalid(at, "there are two rules for " + rule.key());
            }
            codes.add(rule);
            codeLines.add(at);
        }

        private static EventMapping.Kind kind(String as, int at) {
            for (EventMapping.Kind kind : EventMapping.Kind.values()) {
                if (kind.name().toLowerCase(Locale.ROOT).equals(as)) {
                    return kind;
                }
            }
            throw invalid(at, "\"as\" must be statement, outcome, meeting or ignore, not " + (as == null ? "missing"
                    : "'" + as + "'"));
        }

        private static void requireId(String id, String what, int at) {
            if (id == null || !Values.Text.ID.fits(id)) {
                throw invalid(at, "the " + what + " id " + (id == null ? "is missing" : "'" + id + "' is not an id")
                        + ": ids " + Values.ID_MESSAGE);
            }
        }

        /** A text the mapping gives to the ledger (a party's name, a topic's title), by the ledger's rule. */
        private static void requireText(Values.Text rule, String text, String what, int at) {
            try {
                rule.check(what, text);
            } catch (InvalidValueException refused) {
                throw invalid(at, refused.getMessage());
            }
        }
    }
}
