package org.negotiationledger.projections.exchanges;

import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.ExchangeCompleted;
import org.negotiationledger.core.api.ExchangeExecutionRecorded;
import org.negotiationledger.core.api.ExchangeKind;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.ExchangeTerms;
import org.negotiationledger.projections.ViewDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.negotiationledger.projections.Talks.N;
import static org.negotiationledger.projections.Talks.day;
import static org.negotiationledger.projections.Talks.istanbul;
import static org.negotiationledger.projections.Talks.opened;

/** Each exchange as it stood on a day, as known at a time. */
class ExchangesOverTimeTest {

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final ExchangesProjector projector = new ExchangesProjector(jdbc);
    private final ExchangeQueries queries = new ExchangeQueries(jdbc);

    private Exchange exchange(String id, String asOf, String knownAt) {
        return queries.exchange(new FindExchange(N, id, asOf == null ? null : day(asOf),
                knownAt == null ? null : Instant.parse(knownAt)));
    }

    @Test
    void theStatusTotalsAndStagesAreThoseOfTheDayAskedAbout() {
        istanbul().replayInto(projector);

        Exchange agreed = exchange("pow-1", "2025-05-20", null);
        assertThat(agreed.status()).isEqualTo(ExchangeStatus.AGREED);
        assertThat(agreed.stages()).isEmpty();
        assertThat(agreed.totals()).isEqualTo(Map.of("ua", 0, "ru", 0));
        assertThat(agreed.completedOn()).isNull();

        Exchange halfway = exchange("pow-1", "2025-05-24", null);
        assertThat(halfway.status()).isEqualTo(ExchangeStatus.PARTIALLY_EXECUTED);
        assertThat(halfway.stages()).hasSize(2);
        assertThat(halfway.totals()).isEqualTo(Map.of("ua", 697, "ru", 697));

        assertThat(exchange("pow-1", null, null).status()).isEqualTo(ExchangeStatus.COMPLETED);
        // On 26 May, what was known on the evening of the 24th: two stages, nothing more.
        Exchange believed = exchange("pow-1", "2025-05-26", "2025-05-24T21:00:00Z");
        assertThat(believed.status()).isEqualTo(ExchangeStatus.PARTIALLY_EXECUTED);
        assertThat(believed.totals()).isEqualTo(Map.of("ua", 697, "ru", 697));
    }

    @Test
    void anExchangeProposedLaterOrRecordedLaterIsAbsent() {
        istanbul().replayInto(projector);

        assertThat(queries.exchanges(new FindExchanges(N, day("2025-05-31"), null)).exchanges())
                .extracting(Exchange::id).containsExactly("pow-1");
        assertThat(queries.exchanges(new FindExchanges(N, null, Instant.parse("2025-05-16T12:00:00Z")))
                .exchanges()).isEmpty();
        assertThat(exchange("pow-2", "2025-05-31", null)).isNull();
    }

    @Test
    void aOneSidedTransferIsShownWithItsOneSide() {
        opened().append(
                        new ExchangeProposed(N, "bodies-1", "ru", day("2025-06-02"),
                                ExchangeTerms.numbered(ExchangeKind.BODIES, Map.of("ru", 3000))),
                        new ExchangeAgreed(N, "bodies-1", List.of("ru", "ua"), day("2025-06-02"), null),
                        new ExchangeExecutionRecorded(N, "bodies-1", 1, day("2025-06-11"), Map.of("ru", 3000),
                                Map.of("ru", 3000), false, null),
                        new ExchangeCompleted(N, "bodies-1", day("2025-06-11"), Map.of("ru", 3000)))
                .replayInto(projector);

        Exchange transfer = exchange("bodies-1", null, null);
        assertThat(transfer.kind()).isEqualTo("BODIES");
        assertThat(transfer.terms().transfer()).isTrue();
        assertThat(transfer.totals()).isEqualTo(Map.of("ru", 3000));
        assertThat(transfer.status()).isEqualTo(ExchangeStatus.COMPLETED);
    }
}
