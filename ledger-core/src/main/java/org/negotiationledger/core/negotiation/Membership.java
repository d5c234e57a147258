package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.negotiationledger.core.api.AddTopic;
import org.negotiationledger.core.api.ChangeDelegateTitle;
import org.negotiationledger.core.api.ChangePartyRole;
import org.negotiationledger.core.api.DelegateRegistered;
import org.negotiationledger.core.api.DelegateTitleChanged;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.PartyLeft;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRoleChanged;
import org.negotiationledger.core.api.RecordPartyLeaving;
import org.negotiationledger.core.api.RegisterDelegate;
import org.negotiationledger.core.api.RegisterParty;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.TopicAdded;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.negotiationledger.core.negotiation.DatePolicy.requireNotBefore;

/**
 * Who and what is at the table: a negotiation's parties (since when, in which role, until they
 * left), their delegates, and the topics.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Membership {

    /** The negotiation's id, for the messages of its rules. */
    private String negotiationId;
    private Map<String, PartyState> parties = new HashMap<>();
    private Map<String, DelegateState> delegates = new HashMap<>();
    /** The print of each topic, by its id. */
    private Map<String, Long> topics = new HashMap<>();

    /**
     * What the aggregate remembers of a party: since when it takes part, its leaving, if it left,
     * and the prints of its changes of role by the day they began.
     */
    record PartyState(long print, LocalDate joinedOn, Long leavingPrint, Map<LocalDate, Long> rolePrints) {
    }

    /** What the aggregate remembers of a delegate: the prints of its titles by the day they began. */
    record DelegateState(String partyId, long print, Map<LocalDate, Long> titlePrints) {
    }

    void register(RegisterParty command, Negotiation negotiation) {
        PartyRegistered registered = new PartyRegistered(negotiation.id(), command.partyId(), command.name(),
                command.role(), command.joinedOn());
        PartyState known = parties.get(command.partyId());
        if (Repeats.isRepeat("party", command.partyId(), known == null ? null : known.print(), registered,
                negotiation.id())) {
            return;
        }
        negotiation.requireOpen();
        if (command.joinedOn() != null) {
            negotiation.dates().requireEffectiveDate(command.joinedOn(), "the joining of party '"
                    + command.partyId() + "'", command.recordedAt());
        }
        apply(registered);
    }

    void recordLeaving(RecordPartyLeaving command, Negotiation negotiation) {
        requireRegisteredParty(command.partyId());
        PartyState party = parties.get(command.partyId());
        PartyLeft left = new PartyLeft(negotiation.id(), command.partyId(), command.leftOn(), command.note());
        if (Repeats.isRepeat(party.leavingPrint(), left, () -> new IdConflictException("party-already-left",
                "party '" + command.partyId() + "' has already left negotiation '" + negotiation.id()
                        + "' with other content"))) {
            return;
        }
        negotiation.requireOpen();
        String what = "the leaving of party '" + command.partyId() + "'";
        negotiation.dates().requireEffectiveDate(command.leftOn(), what, command.recordedAt());
        if (party.joinedOn() != null) {
            requireNotBefore(command.leftOn(), party.joinedOn(), what, "it joined");
        }
        apply(left);
    }

    void changeRole(ChangePartyRole command, Negotiation negotiation) {
        requireRegisteredParty(command.partyId());
        PartyState party = parties.get(command.partyId());
        PartyRoleChanged changed = new PartyRoleChanged(negotiation.id(), command.partyId(), command.role(),
                command.since());
        if (Repeats.isRepeatOfTheDay(party.rolePrints().get(command.since()), changed, "party '"
                + command.partyId() + "' already has another role from " + command.since())) {
            return;
        }
        negotiation.requireOpen();
        String what = "the new role of party '" + command.partyId() + "'";
        negotiation.dates().requireEffectiveDate(command.since(), what, command.recordedAt());
        if (party.joinedOn() != null) {
            requireNotBefore(command.since(), party.joinedOn(), what, "it joined");
        }
        apply(changed);
    }

    void register(RegisterDelegate command, Negotiation negotiation) {
        DelegateRegistered registered = new DelegateRegistered(negotiation.id(), command.delegateId(),
                command.name(), command.partyId(), command.title(), command.since());
        DelegateState known = delegates.get(command.delegateId());
        if (Repeats.isRepeat("delegate", command.delegateId(), known == null ? null : known.print(), registered,
                negotiation.id())) {
            return;
        }
        negotiation.requireOpen();
        requireRegisteredParty(command.partyId());
        if (command.since() != null) {
            negotiation.dates().requireEffectiveDate(command.since(), "the start of delegate '"
                    + command.delegateId() + "'", command.recordedAt());
        }
        apply(registered);
    }

    void changeTitle(ChangeDelegateTitle command, Negotiation negotiation) {
        DelegateState delegate = requireDelegate(command.delegateId());
        DelegateTitleChanged changed = new DelegateTitleChanged(negotiation.id(), command.delegateId(),
                delegate.partyId(), command.title(), command.since());
        if (Repeats.isRepeatOfTheDay(delegate.titlePrints().get(command.since()), changed, "delegate '"
                + command.delegateId() + "' already has another title from " + command.since())) {
            return;
        }
        negotiation.requireOpen();
        negotiation.dates().requireEffectiveDate(command.since(), "the new title of delegate '"
                + command.delegateId() + "'", command.recordedAt());
        apply(changed);
    }

    void addTopic(AddTopic command, Negotiation negotiation) {
        TopicAdded added = new TopicAdded(negotiation.id(), command.topicId(), command.title(),
                command.description(), command.addedOn());
        if (Repeats.isRepeat("topic", command.topicId(), topics.get(command.topicId()), added, negotiation.id())) {
            return;
        }
        negotiation.requireOpen();
        if (command.addedOn() != null) {
            negotiation.dates().requireEffectiveDate(command.addedOn(), "topic '" + command.topicId() + "'",
                    command.recordedAt());
        }
        apply(added);
    }

    void requireRegisteredTopic(String topicId) {
        if (!topics.containsKey(topicId)) {
            throw new RuleViolationException("unregistered-topic", "topic '" + topicId
                    + "' is not registered in negotiation '" + negotiationId + "'");
        }
    }

    void requireRegisteredParty(String partyId) {
        if (!parties.containsKey(partyId)) {
            throw new RuleViolationException("unregistered-party", "party '" + partyId
                    + "' is not registered in negotiation '" + negotiationId + "'");
        }
    }

    void requireDelegateOf(String delegateId, String partyId) {
        DelegateState delegate = requireDelegate(delegateId);
        if (!delegate.partyId().equals(partyId)) {
            throw new RuleViolationException("delegate-of-other-party", "delegate '" + delegateId
                    + "' speaks for party '" + delegate.partyId() + "', not for '" + partyId + "'");
        }
    }

    private DelegateState requireDelegate(String delegateId) {
        DelegateState delegate = delegates.get(delegateId);
        if (delegate == null) {
            throw new RuleViolationException("unregistered-delegate", "delegate '" + delegateId
                    + "' is not registered in negotiation '" + negotiationId + "'");
        }
        return delegate;
    }

    @EventSourcingHandler
    void on(NegotiationOpened event) {
        negotiationId = event.negotiationId();
    }

    @EventSourcingHandler
    void on(TopicAdded event) {
        topics.put(event.topicId(), Fingerprint.of(event));
    }

    @EventSourcingHandler
    void on(PartyRegistered event) {
        parties.put(event.partyId(), new PartyState(Fingerprint.of(event), event.joinedOn(), null, Map.of()));
    }

    @EventSourcingHandler
    void on(PartyLeft event) {
        parties.computeIfPresent(event.partyId(),
                (id, party) -> new PartyState(party.print(), party.joinedOn(), Fingerprint.of(event),
                        party.rolePrints()));
    }

    @EventSourcingHandler
    void on(PartyRoleChanged event) {
        parties.computeIfPresent(event.partyId(), (id, party) -> {
            Map<LocalDate, Long> roles = new HashMap<>(party.rolePrints());
            roles.put(event.since(), Fingerprint.of(event));
            return new PartyState(party.print(), party.joinedOn(), party.leavingPrint(), roles);
        });
    }

    @EventSourcingHandler
    void on(DelegateRegistered event) {
        delegates.put(event.delegateId(), new DelegateState(event.partyId(), Fingerprint.of(event), Map.of()));
    }

    @EventSourcingHandler
    void on(DelegateTitleChanged event) {
        delegates.computeIfPresent(event.delegateId(), (id, delegate) -> {
            Map<LocalDate, Long> titles = new HashMap<>(delegate.titlePrints());
            titles.put(event.since(), Fingerprint.of(event));
            return new DelegateState(delegate.partyId(), delegate.print(), titles);
        });
    }
}
