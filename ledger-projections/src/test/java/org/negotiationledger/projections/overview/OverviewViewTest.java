package org.negotiationledger.projections.overview;

import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.PartyRole;
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

class OverviewViewTest {

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final OverviewProjector projector = new OverviewProjector(jdbc);
    private final OverviewQueries queries = new OverviewQueries(jdbc, new AuditIndex(jdbc));

    /** The overview's events, and the same in the ledger's index of events, which its counts read. */
    private void record(History history) {
        history.replayInto(projector);
        history.replayInto(new AuditProjector(jdbc, history.positions()));
    }

    @Test
    void aNegotiationShowsItsCastTopicsCountsAndDates() {
        History history = istanbul();
        record(history);

        NegotiationSummary summary = queries.negotiation(new FindNegotiation(N, null, null));

        assertThat(summary.title()).isEqualTo("Russia–Ukraine talks 2025");
        assertThat(summary.status()).isEqualTo(NegotiationStatus.OPEN);
        assertThat(summary.parties()).extracting(NegotiationSummary.Party::id, NegotiationSummary.Party::role)
                .containsExactly(tuple("ua", PartyRole.PARTY), tuple("ru", PartyRole.PARTY),
                        tuple("tr", PartyRole.MEDIATOR));
        assertThat(summary.delegates()).extracting(NegotiationSummary.Delegate::id, NegotiationSummary.Delegate::partyId)
                .containsExactly(tuple("umerov", "ua"), tuple("medinsky", "ru"));
        assertThat(summary.topics()).extracting(NegotiationSummary.Topic::id)
                .containsExactly("ceasefire", "prisoner-exchange", "leaders-meeting");
        assertThat(summary.counts())
                .isEqualTo(new NegotiationSummary.Counts(history.size(), 3, 2, 3, 4, 1, 0, 2, 2, 0));
        assertThat(summary.firstEffectiveOn()).isEqualTo(day("2025-05-16"));
        assertThat(summary.lastEffectiveOn()).isEqualTo(day("2025-06-02"));
        assertThat(summary.openedAt()).isEqualTo(Instant.parse("2025-05-16T08:00:00Z"));
        assertThat(summary.lastRecordedAt()).isEqualTo(Instant.parse("2025-06-10T09:00:00Z"));
    }

    @Test
    void theListShowsEveryNegotiationWithItsStatus() {
        record(istanbul().append(new NegotiationOpened("a-talks", "Earlier talks", null, day("2025-06-01")),
                        new NegotiationClosed("a-talks", Outcome.COLLAPSED, day("2025-06-02"), "walked out")));

        NegotiationList all = queries.negotiations(new FindNegotiations(null, null, null));

        assertThat(all.negotiations()).extracting(NegotiationSummary::id, NegotiationSummary::status)
                .containsExactly(tuple("a-talks", NegotiationStatus.CLOSED), tuple(N, NegotiationStatus.OPEN));
        NegotiationSummary closed = all.negotiations().get(0);
        assertThat(closed.outcome()).isEqualTo(Outcome.COLLAPSED);
        assertThat(closed.closedOn()).isEqualTo(day("2025-06-02"));
        assertThat(closed.closingSummary()).isEqualTo("walked out");
        assertThat(queries.negotiations(new FindNegotiations(NegotiationStatus.OPEN, null, null)).negotiations())
                .extracting(NegotiationSummary::id).containsExactly(N);
    }

    @Test
    void anUnknownNegotiationHasNoSummary() {
        record(istanbul());

        assertThat(queries.negotiation(new FindNegotiation("elsewhere", null, null))).isNull();

        History.reset(projector);
        assertThat(queries.negotiations(new FindNegotiations(null, null, null)).negotiations()).isEmpty();
    }
}
