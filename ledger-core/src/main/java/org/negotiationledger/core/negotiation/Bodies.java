package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.negotiationledger.core.api.BodyCreated;
import org.negotiationledger.core.api.BodyDissolved;
import org.negotiationledger.core.api.BodyMember;
import org.negotiationledger.core.api.CreateBody;
import org.negotiationledger.core.api.DissolveBody;
import org.negotiationledger.core.api.RuleViolationException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.negotiationledger.core.negotiation.DatePolicy.requireNotAfterRecording;
import static org.negotiationledger.core.negotiation.DatePolicy.requireNotBefore;
import static org.negotiationledger.core.negotiation.DatePolicy.requireReported;

/**
 * The bodies a negotiation set up (working groups, monitoring missions, committees) and their
 * dissolution. A dissolution concerns its body alone, so its command is handled here, without the
 * root: a body that carries out an agreement outlives the talks, and is dissolved after their closure.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Bodies {

    private Map<String, BodyState> bodies = new HashMap<>();

    /** What the aggregate remembers of a body: its day, its parties, and the print of its dissolution. */
    record BodyState(long print, LocalDate createdOn, List<String> partyIds, Long dissolutionPrint) {
    }

    void create(CreateBody command, Negotiation negotiation, Outcomes outcomes) {
        BodyCreated created = new BodyCreated(negotiation.id(), command.bodyId(), command.name(), command.kind(),
                command.mandate(), command.createdOn(), command.members(), command.topicIds(), command.agreementId(),
                command.meetingId(), command.sources());
        BodyState known = bodies.get(command.bodyId());
        if (Repeats.isRepeat("body", command.bodyId(), known == null ? null : known.print(), created,
                negotiation.id())) {
            return;
        }
        negotiation.requireOpen();
        String what = "body '" + command.bodyId() + "'";
        if (created.members().isEmpty()) {
            throw new RuleViolationException("no-members", what + " must have at least one member");
        }
        for (BodyMember member : created.members()) {
            negotiation.membership().requireRegisteredParty(member.partyId());
            if (member.delegateId() != null) {
                negotiation.membership().requireDelegateOf(member.delegateId(), member.partyId());
            }
        }
        created.topicIds().forEach(negotiation.membership()::requireRegisteredTopic);
        if (command.agreementId() != null) {
            outcomes.requireMadeBy(command.agreementId(), command.createdOn(), what);
        }
        if (command.meetingId() != null) {
            requireNotBefore(command.createdOn(), negotiation.meetings().require(command.meetingId(), negotiation)
                    .heldOn(), what, "meeting '" + command.meetingId() + "' began");
            negotiation.meetings().requireNotRetracted(command.meetingId(), what);
        }
        negotiation.dates().requireEffectiveDate(command.createdOn(), what, command.recordedAt());
        requireReported(command.createdOn(), created.sources(), what);
        apply(created);
    }

    @CommandHandler
    void handle(DissolveBody command) {
        BodyState body = bodies.get(command.bodyId());
        if (body == null) {
            throw RuleViolationException.unknown("body", command.bodyId(), command.negotiationId());
        }
        BodyDissolved dissolved = new BodyDissolved(command.negotiationId(), command.bodyId(), command.dissolvedOn(),
                command.reason(), command.sources(), body.partyIds());
        if (Repeats.isRepeat(body.dissolutionPrint(), dissolved, () -> new RuleViolationException("body-dissolved",
                "body '" + command.bodyId() + "' is dissolved already and cannot be dissolved again"))) {
            return;
        }
        String what = "the dissolution of body '" + command.bodyId() + "'";
        requireNotBefore(command.dissolvedOn(), body.createdOn(), what, "it was created");
        requireNotAfterRecording(command.dissolvedOn(), what, command.recordedAt());
        requireReported(command.dissolvedOn(), dissolved.sources(), what);
        apply(dissolved);
    }

    @EventSourcingHandler
    void on(BodyCreated event) {
        bodies.put(event.bodyId(), new BodyState(Fingerprint.of(event), event.createdOn(), event.partyIds(), null));
    }

    @EventSourcingHandler
    void on(BodyDissolved event) {
        bodies.computeIfPresent(event.bodyId(), (id, body) -> new BodyState(body.print(), body.createdOn(),
                body.partyIds(), Fingerprint.of(event)));
    }
}
