package org.negotiationledger.projections.meetings;

import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.MeetingFormat;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.projections.support.Moment;
import org.negotiationledger.projections.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.negotiationledger.projections.support.Rows.utc;

/** Answers from the meetings view; null when the view does not know the negotiation. */
@Component
public class MeetingQueries {

    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> HEADS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public MeetingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public MeetingTimeline timeline(FindMeetingTimeline query) {
        if (!Rows.knows(jdbc, "meetings_negotiation", query.negotiationId())) {
            return null;
        }
        Moment moment = new Moment(query.asOf(), query.knownAt());
        Map<String, List<Meeting.Said>> said = new HashMap<>();
        jdbc.query("SELECT meeting_id, statement_id, party_id, topic_id, stance, summary, known_from "
                + "FROM meetings_statement WHERE negotiation_id = ? AND known_from <= ? "
                + "AND (superseded_at IS NULL OR superseded_at > ?) AND NOT retracted "
                + "ORDER BY recorded_seq", row -> {
            said.computeIfAbsent(row.getString("meeting_id"), id -> new ArrayList<>()).add(new Meeting.Said(
                    row.getString("statement_id"), row.getString("party_id"), row.getString("topic_id"),
                    Stance.valueOf(row.getString("stance")), row.getString("summary"),
                    Rows.instant(row, "known_from")));
        }, query.negotiationId(), utc(moment.at()), utc(moment.at()));
        Map<String, List<Meeting.Corroboration>> corroborations = corroborations(query, moment);
        List<Meeting> meetings = jdbc.query("SELECT meeting_id, held_on, location, level, party_ids_json, "
                        + "mediator_ids_json, heads_json, topic_ids_json, summary, coding_json, recorded_at, "
                        + "retracted_known_from, retraction_reason, sources_json, ends_on, starts_at, ends_at, format "
                        + "FROM meetings_meeting "
                        + "WHERE negotiation_id = ? AND held_on <= ? AND recorded_at <= ?"
                        + (query.machineCoded() ? "" : " AND coding_json IS NULL") + " ORDER BY held_on, ordinal",
                (row, n) -> new Meeting(row.getString("meeting_id"), Rows.date(row, "held_on"),
                        Rows.date(row, "ends_on"), row.getObject("starts_at", LocalTime.class),
                        row.getObject("ends_at", LocalTime.class), row.getString("format") == null ? null
                        : MeetingFormat.valueOf(row.getString("format")),
                        row.getString("location"), MeetingLevel.valueOf(row.getString("level")),
                        Rows.fromJson(row.getString("party_ids_json"), IDS),
                        Rows.fromJson(row.getString("mediator_ids_json"), IDS),
                        Rows.fromJson(row.getString("heads_json"), HEADS),
                        Rows.fromJson(row.getString("topic_ids_json"), IDS), row.getString("summary"),
                        Rows.fromJson(row.getString("coding_json"), EventCoding.class),
                        Rows.instant(row, "recorded_at"), said.getOrDefault(row.getString("meeting_id"), List.of()),
                        Rows.retractedBy(row, moment.at()), Rows.retractedBy(row, moment.at())
                                ? row.getString("retraction_reason") : null,
                        standing(Rows.sources(row, "sources_json"), corroborations.get(row.getString("meeting_id"))),
                        corroborations.getOrDefault(row.getString("meeting_id"), List.of())),
                query.negotiationId(), moment.day(), utc(moment.at()));
        return new MeetingTimeline(query.negotiationId(), query.asOf(), query.knownAt(), meetings);
    }

    /** The corroborations known then, by meeting, in the order recorded; without a machine's unless asked for. */
    private Map<String, List<Meeting.Corroboration>> corroborations(FindMeetingTimeline query, Moment moment) {
        Map<String, List<Meeting.Corroboration>> corroborations = new HashMap<>();
        jdbc.query("SELECT meeting_id, corroboration_id, sources_json, coding_json, recorded_at, retracted_known_from, "
                + "retraction_reason FROM meetings_corroboration WHERE negotiation_id = ? AND recorded_at <= ?"
                + (query.machineCoded() ? "" : " AND coding_json IS NULL") + " ORDER BY ordinal", row -> {
            boolean retracted = Rows.retractedBy(row, moment.at());
            corroborations.computeIfAbsent(row.getString("meeting_id"), id -> new ArrayList<>())
                    .add(new Meeting.Corroboration(row.getString("corroboration_id"), Rows.sources(row, "sources_json"),
                            Rows.fromJson(row.getString("coding_json"), EventCoding.class),
                            Rows.instant(row, "recorded_at"), retracted,
                            retracted ? row.getString("retraction_reason") : null));
        }, query.negotiationId(), utc(moment.at()));
        return corroborations;
    }

    /** A meeting's own sources, then those of its corroborations that stand. */
    private static List<Source> standing(List<Source> own, List<Meeting.Corroboration> corroborations) {
        if (corroborations == null) {
            return own;
        }
        List<Source> all = new ArrayList<>(own);
        corroborations.stream().filter(c -> !c.retracted()).forEach(c -> all.addAll(c.sources()));
        return List.copyOf(all);
    }
}
