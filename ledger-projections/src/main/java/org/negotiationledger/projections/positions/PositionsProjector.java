package org.negotiationledger.projections.positions;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementChanges;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;
import org.negotiationledger.core.api.TopicAdded;
import org.negotiationledger.projections.support.BatchedInserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

import static org.negotiationledger.projections.support.Rows.json;
import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Builds the positions view. A statement is never overwritten: a correction or retraction closes
 * the version it replaces (superseded_at) and adds the next one, so that any past belief can be
 * read back.
 */
@Component
@ProcessingGroup(PositionsProjector.NAME)
public class PositionsProjector {

    public static final String NAME = "positions";

    private static final String INSERT_VERSION = "INSERT INTO positions_version (negotiation_id, statement_id, "
            + "revision, kind, party_id, topic_id, delegate_id, stance, summary, conditions, offer_value, offer_unit, "
            + "effective_on, source_json, note, reason, recorded_seq, event_seq, known_from) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final BatchedInserts versions;

    public PositionsProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.versions = new BatchedInserts(jdbc, INSERT_VERSION);
    }

    @EventHandler
    void on(NegotiationOpened event) {
        jdbc.update("INSERT INTO positions_negotiation (negotiation_id, title) VALUES (?, ?)",
                event.negotiationId(), event.title());
    }

    @EventHandler
    void on(PartyRegistered event, @SequenceNumber long sequence) {
        jdbc.update("INSERT INTO positions_party (negotiation_id, party_id, name, role, ordinal) "
                        + "VALUES (?, ?, ?, ?, ?)",
                event.negotiationId(), event.partyId(), event.name(), event.role().name(), sequence);
    }

    @EventHandler
    void on(TopicAdded event, @SequenceNumber long sequence) {
        jdbc.update("INSERT INTO positions_topic (negotiation_id, topic_id, title, ordinal) VALUES (?, ?, ?, ?)",
                event.negotiationId(), event.topicId(), event.title(), sequence);
    }

    @EventHandler
    void on(StatementRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        Content content = new Content(event.delegateId(), event.stance(), event.summary(), event.conditions(),
                event.offer(), event.effectiveOn(), json(event.source()),
                event.note());
        insert(event.negotiationId(), event.statementId(), 1, VersionKind.RECORDED, event.partyId(),
                event.topicId(), content, null, sequence, sequence, recordedAt);
    }

    @EventHandler
    void on(StatementCorrected event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        CurrentVersion current = supersede(event.negotiationId(), event.statementId(), recordedAt);
        insert(event.negotiationId(), event.statementId(), current.revision() + 1, VersionKind.CORRECTED,
                event.partyId(), event.topicId(), current.content().apply(event.changes()), event.reason(),
                current.recordedSequence(), sequence, recordedAt);
    }

    @EventHandler
    void on(StatementRetracted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        CurrentVersion current = supersede(event.negotiationId(), event.statementId(), recordedAt);
        insert(event.negotiationId(), event.statementId(), current.revision() + 1, VersionKind.RETRACTED,
                event.partyId(), event.topicId(), current.content(), event.reason(), current.recordedSequence(),
                sequence, recordedAt);
    }

    @ResetHandler
    void reset() {
        for (String table : new String[]{"positions_version", "positions_topic", "positions_party",
                "positions_negotiation"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** Closes the statement's current version at {@code at} and answers it. */
    private CurrentVersion supersede(String negotiationId, String statementId, Instant at) {
        versions.flush();
        CurrentVersion current = jdbc.queryForObject("SELECT revision, recorded_seq, delegate_id, stance, summary, "
                        + "conditions, offer_value, offer_unit, effective_on, source_json, note FROM positions_version "
                        + "WHERE negotiation_id = ? AND statement_id = ? AND superseded_at IS NULL",
                (row, n) -> new CurrentVersion(row.getInt("revision"), row.getLong("recorded_seq"),
                        new Content(row.getString("delegate_id"), Stance.valueOf(row.getString("stance")),
                                row.getString("summary"), row.getString("conditions"),
                                PositionRows.offer(row), row.getObject("effective_on", LocalDate.class),
                                row.getString("source_json"), row.getString("note"))),
                negotiationId, statementId);
        jdbc.update("UPDATE positions_version SET superseded_at = ? WHERE negotiation_id = ? AND statement_id = ? "
                + "AND revision = ?", utc(at), negotiationId, statementId, current.revision());
        return current;
    }

    private void insert(String negotiationId, String statementId, int revision, VersionKind kind, String partyId,
                        String topicId, Content content, String reason, long recordedSequence, long eventSequence,
                        Instant recordedAt) {
        Offer offer = content.offer();
        versions.add(negotiationId, statementId, revision, kind.name(), partyId, topicId,
                content.delegateId(), content.stance().name(), content.summary(), content.conditions(),
                offer == null ? null : offer.value().toPlainString(), offer == null ? null : offer.unit(),
                content.effectiveOn(), content.sourceJson(), content.note(), reason, recordedSequence, eventSequence,
                utc(recordedAt));
    }

    private record CurrentVersion(int revision, long recordedSequence, Content content) {
    }

    /** What a correction can change, plus what it keeps. */
    private record Content(String delegateId, Stance stance, String summary, String conditions, Offer offer,
                           LocalDate effectiveOn, String sourceJson, String note) {

        Content apply(StatementChanges changes) {
            return new Content(delegateId,
                    changes.stance() != null ? changes.stance() : stance,
                    changes.summary() != null ? changes.summary() : summary,
                    changes.conditions() != null ? changes.conditions() : conditions,
                    changes.offer() != null ? changes.offer() : offer,
                    changes.effectiveOn() != null ? changes.effectiveOn() : effectiveOn,
                    sourceJson, note);
        }
    }
}
