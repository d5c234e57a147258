package org.negotiationledger.projections.meetings;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.negotiationledger.core.api.CorroborationRetracted;
import org.negotiationledger.core.api.MeetingCorroborated;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.MeetingRetracted;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.negotiationledger.projections.support.Rows.json;
import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Builds the meetings view: the rounds of talks, and what each party said at them. A statement's
 * versions are kept as in the positions view, so that a meeting can be read as known at any time.
 */
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
                        + "party_ids_json, mediator_ids_json, heads_json, topic_ids_json, summary, coding_json, ordinal, "
                        + "recorded_at, sources_json, ends_on, starts_at, ends_at, format) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.negotiationId(), event.meetingId(), event.heldOn(), event.location(), event.level().name(),
                json(event.partyIds()), json(event.mediatorIds()), json(event.heads()), json(event.topicIds()),
                event.summary(), json(event.coding()), sequence, utc(recordedAt), json(event.sources()),
                event.endsOn(), event.startsAt(), event.endsAt(), event.format() == null ? null : event.format().name());
    }

    @EventHandler
    void on(MeetingRetracted event, @Timestamp Instant recordedAt) {
        jdbc.update("UPDATE meetings_meeting SET retracted_known_from = ?, retraction_reason = ? "
                + "WHERE negotiation_id = ? AND meeting_id = ?", utc(recordedAt), event.reason(), event.negotiationId(),
                event.meetingId());
    }

    @EventHandler
    void on(MeetingCorroborated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO meetings_corroboration (negotiation_id, meeting_id, corroboration_id, sources_json, "
                        + "coding_json, ordinal, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", event.negotiationId(),
                event.meetingId(), event.corroborationId(), json(event.sources()), json(event.coding()), sequence,
                utc(recordedAt));
    }

    @EventHandler
    void on(CorroborationRetracted event, @Timestamp Instant recordedAt) {
        jdbc.update("UPDATE meetings_corroboration SET retracted_known_from = ?, retraction_reason = ? "
                        + "WHERE negotiation_id = ? AND meeting_id = ? AND corroboration_id = ?", utc(recordedAt),
                event.reason(), event.negotiationId(), event.meetingId(), event.corroborationId());
    }

    @EventHandler
    void on(StatementRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event.meetingId() != null) {
            insert(event.negotiationId(), event.statementId(), 1, event.meetingId(), event.partyId(),
                    event.topicId(), event.stance().name(), event.summary(), false, sequence, recordedAt);
        }
    }

    @EventHandler
    void on(StatementCorrected event, @Timestamp Instant recordedAt) {
        Map<String, Object> current = supersede(event.negotiationId(), event.statementId(), recordedAt);
        if (current != null) {
            String stance = event.changes().stance() != null ? event.changes().stance().name()
                    : (String) current.get("stance");
            String summary = event.changes().summary() != null ? event.changes().summary()
                    : (String) current.get("summary");
            insert(event.negotiationId(), event.statementId(), ((Number) current.get("revision")).intValue() + 1,
                    (String) current.get("meeting_id"), event.partyId(), event.topicId(), stance, summary, false,
                    ((Number) current.get("recorded_seq")).longValue(), recordedAt);
        }
    }

    @EventHandler
    void on(StatementRetracted event, @Timestamp Instant recordedAt) {
        Map<String, Object> current = supersede(event.negotiationId(), event.statementId(), recordedAt);
        if (current != null) {
            insert(event.negotiationId(), event.statementId(), ((Number) current.get("revision")).intValue() + 1,
                    (String) current.get("meeting_id"), event.partyId(), event.topicId(),
                    (String) current.get("stance"), (String) current.get("summary"), true,
                    ((Number) current.get("recorded_seq")).longValue(), recordedAt);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM meetings_statement");
        jdbc.update("DELETE FROM meetings_corroboration");
        jdbc.update("DELETE FROM meetings_meeting");
        jdbc.update("DELETE FROM meetings_negotiation");
    }

    /** Closes the current version of a statement made at a meeting and answers it; null for any other statement. */
    private Map<String, Object> supersede(String negotiationId, String statementId, Instant at) {
        List<Map<String, Object>> current = jdbc.queryForList("SELECT revision, meeting_id, stance, summary, "
                + "recorded_seq FROM meetings_statement WHERE negotiation_id = ? AND statement_id = ? "
                + "AND superseded_at IS NULL", negotiationId, statementId);
        if (current.isEmpty()) {
            return null;
        }
        jdbc.update("UPDATE meetings_statement SET superseded_at = ? WHERE negotiation_id = ? AND statement_id = ? "
                + "AND superseded_at IS NULL", utc(at), negotiationId, statementId);
        return current.get(0);
    }

    private void insert(String negotiationId, String statementId, int revision, String meetingId, String partyId,
                        String topicId, String stance, String summary, boolean retracted, long recordedSequence,
                        Instant recordedAt) {
        jdbc.update("INSERT INTO meetings_statement (negotiation_id, statement_id, revision, meeting_id, party_id, "
                        + "topic_id, stance, summary, retracted, recorded_seq, known_from) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", negotiationId, statementId, revision, meetingId,
                partyId, topicId, stance, summary, retracted, recordedSequence, utc(recordedAt));
    }
}
