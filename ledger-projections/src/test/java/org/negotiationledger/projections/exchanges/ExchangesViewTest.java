package org.negotiationledger.projections.exchanges;

import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.ExchangeExecutionRecorded;
import org.negotiationledger.core.api.ExchangeKind;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.ExchangeTerms;
import org.negotiationledger.projections.History;
import org.negotiationledger.projections.ViewDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.negotiationledger.projections.Talks.N;
import static org.negotiationledger.projections.Talks.day;
import static org.negotiationledger.projections.Talks.istanbul;
import static org.negotiationledger.projections.Talks.opened;

class ExchangesViewTest {

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final ExchangesProjector projector = new ExchangesProjector(jdbc);
    private final ExchangeQueries queries = new ExchangeQueries(jdbc);

    @Test
    void theThousandForAThousandExchangeIsCompletedInThreeStages() {
        istanbul().replayInto(projector);

        Exchange exchange = queries.exchange(new FindExchange(N, "pow-1", null, null));

        assertThat(exchange.status()).isEqualTo(ExchangeStatus.COMPLETED);
        assertThat(exchange.terms().quantities()).isEqualTo(Map.of("ru", 1000, "ua", 1000));
        assertThat(exchange.agreement().partyIds()).containsExactly("ua", "ru");
        assertThat(exchange.agreement().agreedOn()).isEqualTo(day("2025-05-16"));
        assertThat(exchange.agreement().meetingId()).isEqualTo("istanbul-1");
        assertThat(exchange.stages()).extracting(Exchange.Stage::stage, s -> s.executedOn().toString(),
                        s -> s.released().get("ua"), s -> s.totals().get("ru"))
                .containsExactly(tuple(1, "2025-05-23", 390, 390),
                        tuple(2, "2025-05-24", 307, 697),
                        tuple(3, "2025-05-25", 303, 1000));
        assertThat(exchange.stages().get(0).recordedAt()).isEqualTo(Instant.parse("2025-05-23T20:00:00Z"));
        assertThat(exchange.totals()).isEqualTo(Map.of("ru", 1000, "ua", 1000));
        assertThat(exchange.completedOn()).isEqualTo(day("2025-05-25"));
    }

    @Test
    void theAllForAllExchangeIsAgreedForItsCategoriesButNotExecuted() {
        istanbul().replayInto(projector);

        Exchange exchange = queries.exchange(new FindExchange(N, "pow-2", null, null));

        assertThat(exchange.status()).isEqualTo(ExchangeStatus.AGREED);
        assertThat(exchange.terms().allForAll()).isTrue();
        assertThat(exchange.terms().categories()).containsExactly("seriously ill", "wounded", "under 25");
        assertThat(exchange.stages()).isEmpty();
        assertThat(exchange.totals()).isEqualTo(Map.of("ru", 0, "ua", 0));
        assertThat(exchange.completedOn()).isNull();
    }

    @Test
    void theListHoldsEveryExchangeInTheOrderProposed() {
        istanbul().append(new ExchangeProposed(N, "bodies", "ru", day("2025-06-02"),
                        ExchangeTerms.numbered(ExchangeKind.BODIES, Map.of("ru", 6000, "ua", 6000))))
                .replayInto(projector);

        ExchangeList list = queries.exchanges(new FindExchanges(N, null, null));

        assertThat(list.exchanges()).extracting(Exchange::id, Exchange::status).containsExactly(
                tuple("pow-1", ExchangeStatus.COMPLETED),
                tuple("pow-2", ExchangeStatus.AGREED),
                tuple("bodies", ExchangeStatus.PROPOSED));
        assertThat(list.exchanges().get(2).agreement()).isNull();
    }

    @Test
    void aStageMakesAnAgreedExchangePartiallyExecuted() {
        opened().append(new ExchangeProposed(N, "x", "ua", day("2025-05-16"),
                                ExchangeTerms.numbered(ExchangeKind.PRISONERS, Map.of("ua", 10, "ru", 10))),
                        new ExchangeAgreed(N, "x", List.of("ua", "ru"), day("2025-05-16"), null),
                        new ExchangeExecutionRecorded(N, "x", 1, day("2025-05-17"),
                                Map.of("ua", 4, "ru", 5), Map.of("ua", 4, "ru", 5), false, "first group"))
                .replayInto(projector);

        Exchange exchange = queries.exchange(new FindExchange(N, "x", null, null));
        assertThat(exchange.status()).isEqualTo(ExchangeStatus.PARTIALLY_EXECUTED);
        assertThat(exchange.totals()).isEqualTo(Map.of("ru", 5, "ua", 4));
        assertThat(exchange.stages().get(0).note()).isEqualTo("first group");
    }

    @Test
    void unknownNegotiationsAndExchangesHaveNoAnswer() {
        opened().replayInto(projector);

        assertThat(queries.exchanges(new FindExchanges(N, null, null)).exchanges()).isEmpty();
        assertThat(queries.exchanges(new FindExchanges("elsewhere", null, null))).isNull();
        assertThat(queries.exchange(new FindExchange(N, "none", null, null))).isNull();

        History.reset(projector);
        assertThat(queries.exchanges(new FindExchanges(N, null, null))).isNull();
    }
}
