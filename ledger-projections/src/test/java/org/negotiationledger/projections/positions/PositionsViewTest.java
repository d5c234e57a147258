package org.negotiationledger.projections.positions;

import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementChanges;
import org.negotiationledger.projections.History;
import org.negotiationledger.projections.ViewDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.negotiationledger.projections.Talks.N;
import static org.negotiationledger.projections.Talks.correction;
import static org.negotiationledger.projections.Talks.day;
import static org.negotiationledger.projections.Talks.istanbul;
import static org.negotiationledger.projections.Talks.offer;
import static org.negotiationledger.projections.Talks.opened;
import static org.negotiationledger.projections.Talks.retraction;
import static org.negotiationledger.projections.Talks.statement;

class PositionsViewTest {

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final PositionsProjector projector = new PositionsProjector(jdbc);
    private final PositionQueries queries = new PositionQueries(jdbc, Clock.systemUTC());

    private PositionMatrix matrix(LocalDate asOf, String knownAt) {
        return queries.matrix(new FindPositionMatrix(N, asOf, knownAt == null ? null : Instant.parse(knownAt)));
    }

    private static String cells(PositionMatrix matrix) {
        return String.join(" ", matrix.positions().stream()
                .map(p -> p.partyId() + "/" + p.topicId() + "=" + p.statementId() + ":" + p.stance()).toList());
    }

    @Test
    void theMatrixHoldsEachPartysLatestStanceOnEachTopic() {
        istanbul().replayInto(projector);

        PositionMatrix now = matrix(null, null);

        assertThat(now.title()).isEqualTo("Russia–Ukraine talks 2025");
        assertThat(now.parties()).extracting(PositionMatrix.MatrixParty::id).containsExactly("ua", "ru", "tr");
        assertThat(now.topics()).extracting(PositionMatrix.MatrixTopic::id)
                .containsExactly("ceasefire", "prisoner-exchange", "leaders-meeting");
        assertThat(cells(now)).isEqualTo("ua/ceasefire=s-4:SUPPORTS ru/ceasefire=s-2:REJECTS "
                + "ru/leaders-meeting=s-3:CONDITIONAL");
        Position russiaOnLeaders = now.positions().get(2);
        assertThat(russiaOnLeaders.summary()).isEqualTo("A leaders' meeting only to sign a final agreement");
        assertThat(russiaOnLeaders.conditions()).isEqualTo("an agreed final text");
        assertThat(russiaOnLeaders.kind()).isEqualTo(VersionKind.CORRECTED);
        assertThat(russiaOnLeaders.revision()).isEqualTo(2);
        assertThat(russiaOnLeaders.score()).isEqualTo(1);
        assertThat(russiaOnLeaders.effectiveOn()).isEqualTo(day("2025-06-02"));
    }

    @Test
    void asOfShowsTheMatrixAsItStoodOnThatDay() {
        istanbul().replayInto(projector);

        assertThat(cells(matrix(day("2025-05-20"), null)))
                .isEqualTo("ua/ceasefire=s-1:DEMANDS ru/ceasefire=s-2:REJECTS");
        assertThat(matrix(day("2025-05-15"), null).positions()).isEmpty();
    }

    @Test
    void aStatementAboutAnEarlierDayRecordedLaterDoesNotOverrideALaterOne() {
        opened().at("2025-06-03T10:00:00Z").append(statement("june", "ua", "ceasefire", Stance.SUPPORTS, "June",
                        "2025-06-02"))
                .at("2025-06-05T10:00:00Z").append(statement("may", "ua", "ceasefire", Stance.REJECTS, "May",
                        "2025-05-20"))
                .replayInto(projector);

        assertThat(cells(matrix(null, null))).isEqualTo("ua/ceasefire=june:SUPPORTS");
        assertThat(cells(matrix(day("2025-05-25"), null))).isEqualTo("ua/ceasefire=may:REJECTS");
        assertThat(matrix(day("2025-05-25"), "2025-06-04T00:00:00Z").positions()).isEmpty();
    }

    @Test
    void onTheSameEffectiveDayTheStatementRecordedLaterCounts() {
        opened().at("2025-06-03T10:00:00Z").append(statement("first", "ua", "ceasefire", Stance.SUPPORTS, "a",
                        "2025-06-02"))
                .at("2025-06-03T11:00:00Z").append(statement("second", "ua", "ceasefire", Stance.OPPOSES, "b",
                        "2025-06-02"))
                .replayInto(projector);

        assertThat(cells(matrix(null, null))).isEqualTo("ua/ceasefire=second:OPPOSES");
        assertThat(cells(matrix(null, "2025-06-03T10:30:00Z"))).isEqualTo("ua/ceasefire=first:SUPPORTS");
    }

    /** The issue's example: recorded on day 3 about day 1, corrected on day 5. */
    @Test
    void effectiveDateAndRecordingTimeTogetherAnswerWhatWasBelievedWhen() {
        opened().at("2025-06-03T12:00:00Z").append(statement("s", "ua", "ceasefire", Stance.CONDITIONAL,
                        "original text", "2025-06-01"))
                .at("2025-06-05T12:00:00Z").append(correction("s", "ua", "ceasefire",
                        new StatementChanges(Stance.SUPPORTS, "corrected text", null, null, null), "misquoted"))
                .replayInto(projector);

        LocalDate day2 = day("2025-06-02");
        assertThat(matrix(day2, "2025-06-02T12:00:00Z").positions()).isEmpty();
        assertThat(matrix(day2, "2025-06-03T12:00:00Z").positions()).singleElement()
                .satisfies(p -> assertThat(p.summary()).isEqualTo("original text"));
        assertThat(matrix(day2, "2025-06-04T12:00:00Z").positions()).singleElement()
                .satisfies(p -> assertThat(p.summary()).isEqualTo("original text"));
        assertThat(matrix(day2, "2025-06-06T12:00:00Z").positions()).singleElement().satisfies(p -> {
            assertThat(p.summary()).isEqualTo("corrected text");
            assertThat(p.stance()).isEqualTo(Stance.SUPPORTS);
            assertThat(p.recordedAt()).isEqualTo(Instant.parse("2025-06-05T12:00:00Z"));
        });

        PositionHistory history = queries.history(new FindPositionHistory(N, "ua", "ceasefire", null, null));
        assertThat(history.entries()).extracting(PositionHistory.HistoryEntry::revision, PositionHistory.HistoryEntry::kind,
                        PositionHistory.HistoryEntry::summary, PositionHistory.HistoryEntry::superseded)
                .containsExactly(
                        tuple(1, VersionKind.RECORDED, "original text", true),
                        tuple(2, VersionKind.CORRECTED, "corrected text", false));
        assertThat(history.entries().get(0).supersededAt()).isEqualTo(Instant.parse("2025-06-05T12:00:00Z"));
        assertThat(history.entries().get(1).reason()).isEqualTo("misquoted");
        assertThat(history.entries().get(0).source().publisher()).isEqualTo("Example News");

        PositionHistory onDay4 = queries.history(new FindPositionHistory(N, "ua", "ceasefire", null,
                Instant.parse("2025-06-04T12:00:00Z")));
        assertThat(onDay4.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.summary()).isEqualTo("original text");
            assertThat(entry.superseded()).isFalse();
            assertThat(entry.supersededAt()).isNull();
        });
    }

    @Test
    void aRetractedStatementStopsCountingButStaysInTheHistory() {
        opened().at("2025-06-03T12:00:00Z").append(
                        statement("older", "ua", "ceasefire", Stance.DEMANDS, "older", "2025-05-01"),
                        statement("newer", "ua", "ceasefire", Stance.REJECTS, "newer", "2025-05-10"))
                .at("2025-06-04T12:00:00Z").append(retraction("newer", "ua", "ceasefire", "never said"))
                .replayInto(projector);

        assertThat(cells(matrix(null, null))).isEqualTo("ua/ceasefire=older:DEMANDS");
        assertThat(cells(matrix(null, "2025-06-03T13:00:00Z"))).isEqualTo("ua/ceasefire=newer:REJECTS");

        PositionHistory history = queries.history(new FindPositionHistory(N, "ua", "ceasefire", null, null));
        assertThat(history.entries()).extracting(e -> e.statementId() + "#" + e.revision() + " " + e.kind()
                        + (e.superseded() ? " superseded" : ""))
                .containsExactly("older#1 RECORDED", "newer#1 RECORDED superseded", "newer#2 RETRACTED");
        assertThat(history.entries().get(2).reason()).isEqualTo("never said");
    }

    @Test
    void aCorrectionCanMoveAStatementInTime() {
        opened().at("2025-06-03T12:00:00Z").append(
                        statement("a", "ua", "ceasefire", Stance.DEMANDS, "a", "2025-05-20"),
                        statement("b", "ua", "ceasefire", Stance.REJECTS, "b", "2025-05-10"))
                .at("2025-06-04T12:00:00Z").append(correction("b", "ua", "ceasefire",
                        new StatementChanges(null, null, null, null, day("2025-05-30")), "wrong date"))
                .replayInto(projector);

        assertThat(cells(matrix(null, null))).isEqualTo("ua/ceasefire=b:REJECTS");
        assertThat(cells(matrix(day("2025-05-25"), null))).isEqualTo("ua/ceasefire=a:DEMANDS");
        assertThat(cells(matrix(null, "2025-06-03T13:00:00Z"))).isEqualTo("ua/ceasefire=a:DEMANDS");
    }

    @Test
    void offersKeepTheirExactValue() {
        opened().append(offer("o", "ru", "prisoner-exchange", new Offer(new BigDecimal("4.50"), "%"), "2025-05-16"))
                .replayInto(projector);

        assertThat(matrix(null, null).positions()).singleElement()
                .satisfies(p -> assertThat(p.offer()).isEqualTo(new Offer(new BigDecimal("4.5"), "%")));
    }

    @Test
    void changesListTheCellsThatMovedBetweenTwoDates() {
        istanbul().replayInto(projector);

        PositionChanges changes = queries.changes(new FindPositionChanges(N, day("2025-05-20"), day("2025-06-10"),
                null));

        assertThat(changes.changes()).extracting(c -> c.partyId() + "/" + c.topicId() + " "
                        + (c.before() == null ? "-" : c.before().stance()) + " -> "
                        + (c.after() == null ? "-" : c.after().stance()) + " " + c.scoreChange())
                .containsExactly("ua/ceasefire DEMANDS -> SUPPORTS 0", "ru/leaders-meeting - -> CONDITIONAL null");
        assertThat(queries.changes(new FindPositionChanges(N, day("2025-06-10"), null, null)).changes()).isEmpty();
    }

    @Test
    void anUnknownNegotiationPartyOrTopicHasNoAnswer() {
        istanbul().replayInto(projector);

        assertThat(queries.matrix(new FindPositionMatrix("elsewhere", null, null))).isNull();
        assertThat(queries.history(new FindPositionHistory(N, "xx", "ceasefire", null, null))).isNull();
        assertThat(queries.history(new FindPositionHistory(N, "ua", "xx", null, null))).isNull();
        assertThat(queries.history(new FindPositionHistory(N, "tr", "ceasefire", null, null)).entries()).isEmpty();
        assertThat(queries.changes(new FindPositionChanges("elsewhere", day("2025-05-20"), null, null))).isNull();
    }

    @Test
    void theResetHandlerEmptiesTheView() {
        istanbul().replayInto(projector);

        History.reset(projector);

        assertThat(queries.matrix(new FindPositionMatrix(N, null, null))).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM positions_version", Integer.class)).isZero();
    }
}
