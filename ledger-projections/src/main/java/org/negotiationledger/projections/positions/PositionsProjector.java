package org.negotiationledger.projections.positions;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.negotiationledger.core.api.AccountRecorded;
import org.negotiationledger.core.api.AccountRetracted;
import org.negotiationledger.core.api.AgreementSigned;
import org.negotiationledger.core.api.BodyCreated;
import org.negotiationledger.core.api.BodyDissolved;
import org.negotiationledger.core.api.DelegateRegistered;
import org.negotiationledger.core.api.DelegateTitleChanged;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.OutcomeRecorded;
import org.negotiationledger.core.api.OutcomeRetracted;
import org.negotiationledger.core.api.OutcomeStatusRecorded;
import org.negotiationledger.core.api.PackageProposed;
import org.negotiationledger.core.api.PartyLeft;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.PartyRoleChanged;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementChanges;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;
import org.negotiationledger.core.api.TopicAdded;
import org.negotiationledger.projections.support.BatchedInserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.negotiationledger.projections.support.Rows.json;
import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Builds the positions view. A statement is never overwritten: a correction or retraction closes
 * the version it replaces (superseded_at) and adds the next one, so that any past belief can be
 * read back. The cast (parties, delegates and their titles, topics) and the outcomes on topics
 * are kept with the day they took effect and the time they were recorded, for the same reason.
 */
@Component
@ProcessingGroup(PositionsProjector.NAME)
public class PositionsProjector {

    public static final String NAME = "positions";

    /** The day from which a delegate holds the title, and a party the role, given at registration. */
    static final LocalDate REGISTRATION = LocalDate.of(1, 1, 1);

    private static final String INSERT_VERSION = "INSERT INTO positions_version (negotiation_id, statement_id, "
            + "revision, kind, party_id, topic_id, delegate_id, stance, summary, conditions, offer_value, offer_min, "
            + "offer_max, offer_unit, effective_on, valid_until, meeting_id, sources_json, publishers, coding_json, note, "
            + "reason, recorded_seq, event_seq, known_from, counterpart_id, effective_at, links_json) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final BatchedInserts versions;

    public PositionsProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.versions = new BatchedInserts(jdbc, INSERT_VERSION);
    }

    @EventHandler
    void on(NegotiationOpened event) {
        jdbc.update("INSERT INTO positions_negotiation (negotiation_id, title, opened_on) VALUES (?, ?, ?)",
                event.negotiationId(), event.title(), event.openedOn());
    }

    @EventHandler
    void on(PartyRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO positions_party (negotiation_id, party_id, name, role, ordinal, joined_on, "
                        + "known_from) VALUES (?, ?, ?, ?, ?, ?, ?)",
                event.negotiationId(), event.partyId(), event.name(), event.role().name(), sequence, event.joinedOn(),
                utc(recordedAt));
        role(event.negotiationId(), event.partyId(), REGISTRATION, event.role(), recordedAt);
    }

    @EventHandler
    void on(PartyRoleChanged event, @Timestamp Instant recordedAt) {
        role(event.negotiationId(), event.partyId(), event.since(), event.role(), recordedAt);
    }

    @EventHandler
    void on(PartyLeft event, @Timestamp Instant recordedAt) {
        jdbc.update("UPDATE positions_party SET left_on = ?, left_known_from = ? WHERE negotiation_id = ? "
                + "AND party_id = ?", event.leftOn(), utc(recordedAt), event.negotiationId(), event.partyId());
    }

    @EventHandler
    void on(DelegateRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO positions_delegate (negotiation_id, delegate_id, name, party_id, ordinal, "
                        + "known_from, since) VALUES (?, ?, ?, ?, ?, ?, ?)", event.negotiationId(), event.delegateId(),
                event.name(), event.partyId(), sequence, utc(recordedAt), event.since());
        title(event.negotiationId(), event.delegateId(), REGISTRATION, event.title(), recordedAt);
    }

    @EventHandler
    void on(DelegateTitleChanged event, @Timestamp Instant recordedAt) {
        title(event.negotiationId(), event.delegateId(), event.since(), event.title(), recordedAt);
    }

    @EventHandler
    void on(TopicAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO positions_topic (negotiation_id, topic_id, title, ordinal, known_from, added_on) "
                + "VALUES (?, ?, ?, ?, ?, ?)", event.negotiationId(), event.topicId(), event.title(), sequence,
                utc(recordedAt), event.addedOn());
    }

    @EventHandler
    void on(StatementRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        Content content = new Content(event.delegateId(), event.stance(), event.summary(), event.conditions(),
                event.offer(), event.effectiveOn(), event.validUntil(), event.meetingId(), json(event.sources()),
                Source.publishers(event.sources()), json(event.coding()), event.note(), event.counterpartId(),
                event.effectiveAt(), event.links().isEmpty() ? null : json(event.links()));
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

    @EventHandler
    void on(OutcomeRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        outcome(event, sequence, recordedAt);
    }

    /** An agreement is the outcome (agreed) on each topic it provides for, its title the terms. */
    @EventHandler
    void on(AgreementSigned event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        outcome(new OutcomeRecorded(event.negotiationId(), event.agreementId(), OutcomeKind.AGREED, event.topicIds(),
                event.partyIds(), event.title(), event.signedOn(), event.meetingId(), event.sources(), null), sequence,
                recordedAt);
        jdbc.update("INSERT INTO positions_agreement (negotiation_id, agreement_id, title, stage, signatories_json, "
                        + "provisions_json) VALUES (?, ?, ?, ?, ?, ?)", event.negotiationId(), event.agreementId(),
                event.title(), event.stage().name(), json(event.signatories()), json(event.provisions()));
    }

    @EventHandler
    void on(PackageProposed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO positions_package (negotiation_id, package_id, title, topic_ids_json, proposed_by, "
                        + "proposed_on, terms, sources_json, publishers, ordinal, known_from) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", event.negotiationId(), event.packageId(),
                event.title(), json(event.topicIds()), event.proposedBy(), event.proposedOn(), event.terms(),
                json(event.sources()), Source.publishers(event.sources()), sequence, utc(recordedAt));
    }

    @EventHandler
    void on(BodyCreated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO positions_body (negotiation_id, body_id, name, kind, mandate, created_on, members_json, "
                        + "topic_ids_json, agreement_id, meeting_id, sources_json, publishers, ordinal, known_from) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", event.negotiationId(), event.bodyId(),
                event.name(), event.kind().name(), event.mandate(), event.createdOn(), json(event.members()),
                json(event.topicIds()), event.agreementId(), event.meetingId(), json(event.sources()),
                Source.publishers(event.sources()), sequence, utc(recordedAt));
    }

    @EventHandler
    void on(BodyDissolved event, @Timestamp Instant recordedAt) {
        jdbc.update("UPDATE positions_body SET dissolved_on = ?, dissolution_reason = ?, dissolution_sources_json = ?, "
                + "dissolved_known_from = ? WHERE negotiation_id = ? AND body_id = ?", event.dissolvedOn(),
                event.reason(), json(event.sources()), utc(recordedAt), event.negotiationId(), event.bodyId());
    }

    @EventHandler
    void on(AccountRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO positions_account (negotiation_id, account_id, record_id, record_kind, record_day, "
                        + "record_field, wording, figure, unit, reported_by, sources_json, ordinal, known_from) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", event.negotiationId(), event.accountId(),
                event.recordId(), event.recordKind().name(), event.recordDay(), event.field(), event.text(),
                plain(event.value()), event.unit(), event.reportedBy(), json(event.sources()), sequence,
                utc(recordedAt));
    }

    @EventHandler
    void on(AccountRetracted event, @Timestamp Instant recordedAt) {
        jdbc.update("UPDATE positions_account SET retracted_known_from = ?, retraction_reason = ? "
                + "WHERE negotiation_id = ? AND account_id = ?", utc(recordedAt), event.reason(), event.negotiationId(),
                event.accountId());
    }

    private void outcome(OutcomeRecorded event, long sequence, Instant recordedAt) {
        jdbc.update("INSERT INTO positions_outcome (negotiation_id, outcome_id, kind, terms, reached_on, meeting_id, "
                        + "party_ids_json, topic_ids_json, sources_json, coding_json, ordinal, known_from) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.negotiationId(), event.outcomeId(), event.kind().name(), event.terms(), event.reachedOn(),
                event.meetingId(), json(event.partyIds()), json(event.topicIds()), json(event.sources()),
                json(event.coding()), sequence, utc(recordedAt));
        for (String topicId : event.topicIds()) {
            jdbc.update("INSERT INTO positions_outcome_topic (negotiation_id, outcome_id, topic_id) VALUES (?, ?, ?)",
                    event.negotiationId(), event.outcomeId(), topicId);
        }
        for (String partyId : event.partyIds()) {
            jdbc.update("INSERT INTO positions_outcome_party (negotiation_id, outcome_id, party_id) VALUES (?, ?, ?)",
                    event.negotiationId(), event.outcomeId(), partyId);
        }
    }

    @EventHandler
    void on(OutcomeStatusRecorded event, @Timestamp Instant recordedAt) {
        jdbc.update("INSERT INTO positions_outcome_status (negotiation_id, outcome_id, since, status, note, "
                        + "known_from, sources_json) VALUES (?, ?, ?, ?, ?, ?, ?)", event.negotiationId(),
                event.outcomeId(), event.since(), event.status().name(), event.note(), utc(recordedAt),
                json(event.sources()));
    }

    @EventHandler
    void on(OutcomeRetracted event, @Timestamp Instant recordedAt) {
        jdbc.update("UPDATE positions_outcome SET retracted_known_from = ?, retraction_reason = ? "
                + "WHERE negotiation_id = ? AND outcome_id = ?", utc(recordedAt), event.reason(), event.negotiationId(),
                event.outcomeId());
    }

    @ResetHandler
    void reset() {
        for (String table : new String[]{"positions_version", "positions_topic", "positions_party",
                "positions_delegate", "positions_title", "positions_role", "positions_outcome",
                "positions_outcome_topic", "positions_outcome_party", "positions_outcome_status", "positions_agreement",
                "positions_package", "positions_body", "positions_account", "positions_negotiation"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    private void role(String negotiationId, String partyId, LocalDate since, PartyRole role, Instant recordedAt) {
        jdbc.update("INSERT INTO positions_role (negotiation_id, party_id, since, role, known_from) "
                + "VALUES (?, ?, ?, ?, ?)", negotiationId, partyId, since, role.name(), utc(recordedAt));
    }

    private void title(String negotiationId, String delegateId, LocalDate since, String title, Instant recordedAt) {
        jdbc.update("INSERT INTO positions_title (negotiation_id, delegate_id, since, title, known_from) "
                + "VALUES (?, ?, ?, ?, ?)", negotiationId, delegateId, since, title, utc(recordedAt));
    }

    /** Closes the statement's current version at {@code at} and answers it. */
    private CurrentVersion supersede(String negotiationId, String statementId, Instant at) {
        versions.flush();
        CurrentVersion current = jdbc.queryForObject("SELECT revision, recorded_seq, delegate_id, stance, summary, "
                        + "conditions, offer_value, offer_min, offer_max, offer_unit, effective_on, valid_until, "
                        + "meeting_id, sources_json, publishers, coding_json, note, counterpart_id, effective_at, "
                        + "links_json "
                        + "FROM positions_version "
                        + "WHERE negotiation_id = ? AND statement_id = ? AND superseded_at IS NULL",
                (row, n) -> new CurrentVersion(row.getInt("revision"), row.getLong("recorded_seq"),
                        new Content(row.getString("delegate_id"), Stance.valueOf(row.getString("stance")),
                                row.getString("summary"), row.getString("conditions"),
                                PositionRows.offer(row), row.getObject("effective_on", LocalDate.class),
                                row.getObject("valid_until", LocalDate.class), row.getString("meeting_id"),
                                row.getString("sources_json"), row.getInt("publishers"),
                                row.getString("coding_json"), row.getString("note"),
                                row.getString("counterpart_id"), row.getObject("effective_at", LocalTime.class),
                                row.getString("links_json"))),
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
                offer == null ? null : plain(offer.value()), offer == null ? null : plain(offer.min()),
                offer == null ? null : plain(offer.max()), offer == null ? null : offer.unit(),
                content.effectiveOn(), content.validUntil(), content.meetingId(), content.sourcesJson(),
                content.publishers(), content.codingJson(), content.note(), reason, recordedSequence, eventSequence,
                utc(recordedAt), content.counterpartId(), content.effectiveAt(), content.linksJson());
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    private record CurrentVersion(int revision, long recordedSequence, Content content) {
    }

    /** What a correction can change, plus what it keeps. */
    private record Content(String delegateId, Stance stance, String summary, String conditions, Offer offer,
                           LocalDate effectiveOn, LocalDate validUntil, String meetingId, String sourcesJson,
                           int publishers, String codingJson, String note, String counterpartId,
                           LocalTime effectiveAt, String linksJson) {

        Content apply(StatementChanges changes) {
            return new Content(delegateId,
                    changes.stance() != null ? changes.stance() : stance,
                    changes.summary() != null ? changes.summary() : summary,
                    changes.conditions() != null ? changes.conditions() : conditions,
                    changes.offer() != null ? changes.offer() : offer,
                    changes.effectiveOn() != null ? changes.effectiveOn() : effectiveOn,
                    changes.validUntil() != null ? changes.validUntil() : validUntil,
                    meetingId, changes.sources() != null ? json(changes.sources()) : sourcesJson,
                    changes.sources() != null ? Source.publishers(changes.sources()) : publishers, codingJson, note,
                    counterpartId, effectiveAt, linksJson);
        }
    }
}
