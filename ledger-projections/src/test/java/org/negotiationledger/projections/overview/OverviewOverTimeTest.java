package org.negotiationledger.projections.overview;

import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.DelegateTitleChanged;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.PartyLeft;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.PartyRoleChanged;
import org.negotiationledger.projections.History;
import org.negotiationledger.projections.ViewDatabase;
import org.negotiationledger.projections.audit.AuditIndex;
import org.negotiationledger.projections.audit.AuditProjector;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.negotiationledger.projections.Talks.N;
import static org.negotiationledger.projections.Talks.day;
import static org.negotiationledger.projections.Talks.istanbul;

/** A negotiation at a glance on a day, as known at a time. */
class OverviewOverTimeTest {

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final OverviewProjector projector = new OverviewProjector(jdbc);
    private final OverviewQueries queries = new OverviewQueries(jdbc, new AuditIndex(jdbc));

    /** The overview's events, and the same in the ledger's index of events, which its counts read. */
    private void record(History history) {
        history.replayInto(projector);
        history.replayInto(new AuditProjector(jdbc, history.positions()));
    }

    @Test
    void theCountsStatusAndDatesAreThoseOfTheDayAsKnownThen() {
        record(istanbul().at("2025-06-28T10:00:00Z")
                .append(new NegotiationClosed(N, Outcome.SUSPENDED, day("2025-06-27"), "talks paused")));

        NegotiationSummary now = queries.negotiation(new FindNegotiation(N, null, null));
        assertThat(now.status()).isEqualTo(NegotiationStatus.CLOSED);
        assertThat(now.outcome()).isEqualTo(Outcome.SUSPENDED);

        NegotiationSummary afterFirstRound = queries.negotiation(new FindNegotiation(N, day("2025-05-20"), null));
        assertThat(afterFirstRound.status()).isEqualTo(NegotiationStatus.OPEN);
        assertThat(afterFirstRound.outcome()).isNull();
        assertThat(afterFirstRound.counts().meetings()).isEqualTo(1);
        assertThat(afterFirstRound.counts().statements()).isEqualTo(2);
        assertThat(afterFirstRound.counts().exchanges()).isEqualTo(1);
        assertThat(afterFirstRound.lastEffectiveOn()).isEqualTo(day("2025-05-16"));

        NegotiationSummary knownOnTheFirstEvening = queries.negotiation(new FindNegotiation(N, null,
                Instant.parse("2025-05-16T19:00:00Z")));
        assertThat(knownOnTheFirstEvening.counts().corrections()).isZero();
        assertThat(knownOnTheFirstEvening.counts().meetings()).isEqualTo(1);
        assertThat(knownOnTheFirstEvening.lastRecordedAt()).isEqualTo(Instant.parse("2025-05-16T18:00:00Z"));
        assertThat(knownOnTheFirstEvening.status()).isEqualTo(NegotiationStatus.OPEN);
    }

    @Test
    void theCastIsThatOfTheDay() {
        record(istanbul().at("2025-06-12T10:00:00Z").append(
                        new PartyRoleChanged(N, "tr", PartyRole.OBSERVER, day("2025-06-10")),
                        new DelegateTitleChanged(N, "umerov", "ua", "Secretary of the Council", day("2025-06-10")),
                        new PartyLeft(N, "ru", day("2025-06-11"), "walked out")));

        NegotiationSummary before = queries.negotiation(new FindNegotiation(N, day("2025-06-09"), null));
        NegotiationSummary after = queries.negotiation(new FindNegotiation(N, day("2025-06-11"), null));

        assertThat(before.parties()).extracting(NegotiationSummary.Party::id, NegotiationSummary.Party::role)
                .containsExactly(tuple("ua", PartyRole.PARTY), tuple("ru", PartyRole.PARTY),
                        tuple("tr", PartyRole.MEDIATOR));
        assertThat(after.parties()).extracting(NegotiationSummary.Party::id, NegotiationSummary.Party::role)
                .containsExactly(tuple("ua", PartyRole.PARTY), tuple("tr", PartyRole.OBSERVER));
        assertThat(before.delegates().get(0).title()).isEqualTo("Minister of Defence");
        assertThat(after.delegates()).extracting(NegotiationSummary.Delegate::title)
                .containsExactly("Secretary of the Council");
        assertThat(after.counts().parties()).isEqualTo(2);
    }

    @Test
    void aNegotiationOpenedLaterOrRecordedLaterIsAbsent() {
        record(istanbul());

        assertThat(queries.negotiation(new FindNegotiation(N, day("2025-05-15"), null))).isNull();
        assertThat(queries.negotiation(new FindNegotiation(N, null, Instant.parse("2025-05-16T07:00:00Z"))))
                .isNull();
        assertThat(queries.negotiations(new FindNegotiations(null, day("2025-05-15"), null)).negotiations())
                .isEmpty();
        assertThat(queries.negotiations(new FindNegotiations(NegotiationStatus.CLOSED, null, null))
                .negotiations()).isEmpty();
    }
}
