package org.negotiationledger.core.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.negotiationledger.core.api.PackageProposed;
import org.negotiationledger.core.api.ProposePackage;
import org.negotiationledger.core.api.RuleViolationException;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.negotiationledger.core.negotiation.DatePolicy.requireReported;

/**
 * The packages of a negotiation: topics put on the table to be agreed or refused together. What
 * became of a package follows from the outcomes on its topics; the aggregate keeps only the print
 * of each proposal.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Packages {

    private Map<String, Long> packages = new HashMap<>();

    void propose(ProposePackage command, Negotiation negotiation) {
        PackageProposed proposed = new PackageProposed(negotiation.id(), command.packageId(), command.title(),
                command.topicIds(), command.proposedBy(), command.proposedOn(), command.terms(), command.sources());
        if (Repeats.isRepeat("package", command.packageId(), packages.get(command.packageId()), proposed,
                negotiation.id())) {
            return;
        }
        negotiation.requireOpen();
        String what = "package '" + command.packageId() + "'";
        proposed.topicIds().forEach(negotiation.membership()::requireRegisteredTopic);
        if (new LinkedHashSet<>(proposed.topicIds()).size() < 2) {
            throw new RuleViolationException("too-few-topics", what + " must group at least two distinct topics, "
                    + "got " + proposed.topicIds());
        }
        if (command.proposedBy() != null) {
            negotiation.membership().requireRegisteredParty(command.proposedBy());
        }
        negotiation.dates().requireEffectiveDate(command.proposedOn(), what, command.recordedAt());
        requireReported(command.proposedOn(), proposed.sources(), what);
        apply(proposed);
    }

    @EventSourcingHandler
    void on(PackageProposed event) {
        packages.put(event.packageId(), Fingerprint.of(event));
    }
}
