package org.negotiationledger.projections.audit;

import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.projections.History;
import org.negotiationledger.projections.ViewDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.negotiationledger.projections.Talks.N;
import static org.negotiationledger.projections.Talks.day;
import static org.negotiationledger.projections.Talks.istanbul;

class AuditViewTest {

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final History history = istanbul();
    private final AuditProjector projector = new AuditProjector(jdbc, history.positions());
    private final AuditQueries queries = new AuditQueries(jdbc, history.stored());

    private AuditPage page(String negotiationId, Set<String> types, String party, String from, String before,
                           long after, int limit) {
        return queries.page(new FindAuditPage(negotiationId, types, party, from == null ? null : Instant.parse(from),
                before == null ? null : Instant.parse(before), null, null, after, limit));
    }

    @Test
    void everyEventIsListedInStoreOrderWithItsMetadataAndPayload() {
        history.replayInto(projector);

        AuditPage page = page(N, null, null, null, null, 0, 1000);

        assertThat(page.entries()).hasSize(history.size());
        assertThat(page.next()).isNull();
        AuditEntry opening = page.entries().get(0);
        assertThat(opening.position()).isEqualTo(1);
        assertThat(opening.sequence()).isZero();
        assertThat(opening.type()).isEqualTo("NegotiationOpened");
        assertThat(opening.revision()).isEqualTo("1");
        assertThat(opening.effectiveOn()).isEqualTo(day("2025-05-16"));
        assertThat(opening.recordedAt()).isEqualTo(Instant.parse("2025-05-16T08:00:00Z"));
        assertThat(opening.recordedBy()).isEqualTo("analyst");
        assertThat(opening.correlationId()).isEqualTo("request-1");
        assertThat(opening.payloadJson()).contains("\"title\":\"Russia–Ukraine talks 2025\"",
                "\"openedOn\":\"2025-05-16\"");
        assertThat(page.entries()).extracting(AuditEntry::position).isSorted();
    }

    @Test
    void filtersByTypePartyAndRecordingTime() {
        history.replayInto(projector);

        assertThat(page(N, Set.of("StatementRecorded", "StatementCorrected"), null, null, null, 0, 100).entries())
                .extracting(AuditEntry::type).containsExactly("StatementRecorded", "StatementRecorded",
                        "StatementRecorded", "StatementRecorded", "StatementCorrected");
        assertThat(page(N, Set.of("StatementRecorded"), "ru", null, null, 0, 100).entries())
                .extracting(e -> e.payloadJson().contains("\"partyId\":\"ru\"")).containsExactly(true, true);
        assertThat(page(N, null, "tr", null, null, 0, 100).entries()).extracting(AuditEntry::type)
                .containsExactly("PartyRegistered", "MeetingHeld", "MeetingHeld");
        assertThat(page(N, null, null, "2025-05-23T00:00:00Z", "2025-05-26T00:00:00Z", 0, 100).entries())
                .extracting(AuditEntry::type).containsExactly("ExchangeExecutionRecorded",
                        "ExchangeExecutionRecorded", "ExchangeExecutionRecorded", "ExchangeCompleted");
        assertThat(queries.page(new FindAuditPage(N, Set.of(), null, null, null, day("2025-06-02"), day("2025-06-02"),
                0, 100)).entries()).hasSize(5);
    }

    @Test
    void aPartyFilterMatchesThatIdOnlyNotOnesItIsPartOf() {
        history.append(new PartyRegistered(N, "un_1", "United Nations", PartyRole.OBSERVER),
                        new PartyRegistered(N, "unx1", "Another observer", PartyRole.OBSERVER),
                        new PartyRegistered(N, "un_10", "A third observer", PartyRole.OBSERVER))
                .replayInto(projector);

        assertThat(page(N, null, "un_1", null, null, 0, 100).entries())
                .extracting(e -> e.payloadJson().contains("\"partyId\":\"un_1\"")).containsExactly(true);
        assertThat(page(N, null, "un", null, null, 0, 100).entries()).isEmpty();
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() {
        history.replayInto(projector);

        List<Long> seen = new ArrayList<>();
        long after = 0;
        int pages = 0;
        do {
            AuditPage page = page(N, null, null, null, null, after, 7);
            page.entries().forEach(e -> seen.add(e.position()));
            pages++;
            after = page.next() == null ? -1 : page.next();
        } while (after >= 0);

        assertThat(pages).isEqualTo((history.size() + 6) / 7);
        assertThat(seen).hasSize(history.size()).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void anEventThatCommitsLateIsListedAtItsOwnPosition() {
        // Event 3 commits after 4 and 5: its token then says 5, the highest position seen.
        history.deliverInCommitOrder(projector, 1, 2, 4, 5, 3, 6, 7);

        assertThat(page(N, null, null, null, null, 0, 100).entries())
                .extracting(AuditEntry::position, AuditEntry::sequence)
                .containsExactly(tuple(1L, 0L), tuple(2L, 1L), tuple(3L, 2L), tuple(4L, 3L), tuple(5L, 4L),
                        tuple(6L, 5L), tuple(7L, 6L));
    }

    @Test
    void theTrailAcrossNegotiationsInterleavesThem() {
        history.append(new NegotiationOpened("other", "Other talks", null, day("2025-06-01")))
                .replayInto(projector);

        AuditPage all = page(null, Set.of("NegotiationOpened"), null, null, null, 0, 10);

        assertThat(all.entries()).extracting(AuditEntry::negotiationId).containsExactly(N, "other");
        assertThat(page("elsewhere", null, null, null, null, 0, 10)).isNull();

        History.reset(projector);
        assertThat(page(null, null, null, null, null, 0, 10).entries()).isEmpty();
    }
}
