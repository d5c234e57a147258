package org.negotiationledger.projections.meetings;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.NegotiationOpened;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.negotiationledger.projections.support.Rows.json;
import static org.negotiationledger.projections.support.Rows.utc;

/** Builds the meetings view. */
@Component
@ProcessingGroup(MeetingsProjector.NAME)
public class MeetingsProjector {

    public static final String NAME = "meetings";

    private final JdbcTemplate jdbc;

    public MeetingsProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NegotiationOpened event) {
        jdbc.update("INSERT INTO meetings_negotiation (negotiation_id) VALUES (?)", event.negotiationId());
    }

    @EventHandler
    void on(MeetingHeld event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO meetings_meeting (negotiation_id, meeting_id, held_on, location, level, "
                        + "party_ids_json, mediator_ids_json, heads_json, topic_ids_json, summary, ordinal, "
                        + "recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.negotiationId(), event.meetingId(), event.heldOn(), event.location(), event.level().name(),
                json(event.partyIds()), json(event.mediatorIds()), json(event.heads()), json(event.topicIds()),
                event.summary(), sequence, utc(recordedAt));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM meetings_meeting");
        jdbc.update("DELETE FROM meetings_negotiation");
    }
}
