package org.negotiationledger.projections.overview;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.PartyRole;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A negotiation at a glance, on a day as known at a time. In a listing, parties, delegates and
 * topics are left out (null).
 *
 * @param closingAgreementId the agreement a closed negotiation ended with, when its closure names one
 * @param firstEffectiveOn the earliest effective date of anything recorded in it
 * @param lastEffectiveOn  the latest one
 */
public record NegotiationSummary(String id, String title, String description, LocalDate openedOn,
                                 NegotiationStatus status, Outcome outcome, LocalDate closedOn, String closingSummary,
                                 String closingAgreementId, LocalDate firstEffectiveOn, LocalDate lastEffectiveOn, Counts counts,
                                 Instant openedAt, Instant lastRecordedAt,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<Party> parties,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<Delegate> delegates,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<Topic> topics) {

    public record Counts(long events, long parties, long delegates, long topics, long statements, long corrections,
                         long retractions, long meetings, long exchanges, long outcomes) {
    }

    /** A party present on the day; joinedOn is the opening unless it joined later. */
    public record Party(String id, String name, PartyRole role, LocalDate joinedOn) {
    }

    /** A delegate of a party present on the day, with the title held on it; since: the day begun, null from the opening. */
    public record Delegate(String id, String name, String partyId, String title, LocalDate since) {
    }

    /** A topic on the table on the day; addedOn: the day it came, null from the opening. */
    public record Topic(String id, String title, String description, LocalDate addedOn) {
    }
}
