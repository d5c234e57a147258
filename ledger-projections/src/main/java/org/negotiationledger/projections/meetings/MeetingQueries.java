package org.negotiationledger.projections.meetings;

import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.projections.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

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
    public MeetingTimeline timeline(MeetingTimelineQuery query) {
        if (!Rows.knows(jdbc, "meetings_negotiation", query.negotiationId())) {
            return null;
        }
        List<Meeting> meetings = jdbc.query("SELECT meeting_id, held_on, location, level, party_ids_json, "
                        + "mediator_ids_json, heads_json, topic_ids_json, summary, recorded_at FROM meetings_meeting "
                        + "WHERE negotiation_id = ? ORDER BY held_on, ordinal",
                (row, n) -> new Meeting(row.getString("meeting_id"), Rows.date(row, "held_on"),
                        row.getString("location"), MeetingLevel.valueOf(row.getString("level")),
                        Rows.fromJson(row.getString("party_ids_json"), IDS),
                        Rows.fromJson(row.getString("mediator_ids_json"), IDS),
                        Rows.fromJson(row.getString("heads_json"), HEADS),
                        Rows.fromJson(row.getString("topic_ids_json"), IDS), row.getString("summary"),
                        Rows.instant(row, "recorded_at")),
                query.negotiationId());
        return new MeetingTimeline(query.negotiationId(), meetings);
    }
}
