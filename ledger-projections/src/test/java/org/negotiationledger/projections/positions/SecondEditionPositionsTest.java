package org.negotiationledger.projections.positions;

import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.DelegateTitleChanged;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.OutcomeRecorded;
import org.negotiationledger.core.api.OutcomeStatus;
import org.negotiationledger.core.api.OutcomeStatusRecorded;
import org.negotiationledger.core.api.PartyLeft;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.PartyRoleChanged;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementChanges;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;
import org.negotiationledger.core.api.TopicAdded;
import org.negotiationledger.projections.History;
import org.negotiationledger.projections.ViewDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.negotiationledger.projections.Talks.ARTICLE;
import static org.negotiationledger.projections.Talks.N;
import static org.negotiationledger.projections.Talks.day;
import static org.negotiationledger.projections.Talks.istanbul;
import static org.negotiationledger.projections.Talks.opened;

/** The positions view of the second edition: each list as of a day, as known at a time. */
class SecondEditionPositionsTest {

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final PositionsProjector projector = new PositionsProjector(jdbc);
    private final PositionQueries queries = new PositionQueries(jdbc, Clock.systemUTC());

    private PositionMatrix matrix(String asOf, String knownAt) {
        return queries.matrix(new FindPositionMatrix(N, asOf == null ? null : day(asOf),
                knownAt == null ? null : Instant.parse(knownAt)));
    }

    private static List<String> parties(PositionMatrix matrix) {
        return matrix.parties().stream().map(PositionMatrix.MatrixParty::id).toList();
    }

    @Test
    void aMediatorWhoJoinedLateIsAbsentBeforeAndOneWhoLeftIsAbsentAfter() {
        opened().at("2025-06-05T10:00:00Z").append(
                        new PartyRegistered(N, "va", "Vatican", PartyRole.MEDIATOR, day("2025-06-01")))
                .at("2025-06-21T10:00:00Z").append(new PartyLeft(N, "tr", day("2025-06-20"), "handed over"))
                .replayInto(projector);

        assertThat(parties(matrix("2025-05-20", null))).containsExactly("ua", "ru", "tr");
        assertThat(parties(matrix("2025-06-10", null))).containsExactly("ua", "ru", "tr", "va");
        assertThat(parties(matrix("2025-06-20", null))).containsExactly("ua", "ru", "va");
        assertThat(parties(matrix(null, null))).containsExactly("ua", "ru", "va");
        // Before the leaving was recorded, Turkey was believed present on 20 June.
        assertThat(parties(matrix("2025-06-20", "2025-06-21T09:00:00Z"))).containsExactly("ua", "ru", "tr", "va");
        // Before the Vatican was recorded, nobody knew it had joined.
        assertThat(parties(matrix("2025-06-10", "2025-06-04T00:00:00Z"))).containsExactly("ua", "ru", "tr");
        assertThat(matrix("2025-06-10", null).parties().get(3).joinedOn()).isEqualTo(day("2025-06-01"));
        assertThat(matrix(null, null).parties().get(0).joinedOn()).isEqualTo(day("2025-05-16"));
    }

    @Test
    void aPartyHasTheRoleOfTheDayAskedAboutAsKnownThen() {
        opened().at("2025-06-12T10:00:00Z").append(
                new PartyRoleChanged(N, "tr", PartyRole.OBSERVER, day("2025-06-10"))).replayInto(projector);

        assertThat(matrix("2025-06-09", null).parties().get(2).role()).isEqualTo(PartyRole.MEDIATOR);
        assertThat(matrix("2025-06-10", null).parties().get(2).role()).isEqualTo(PartyRole.OBSERVER);
        assertThat(matrix("2025-06-10", "2025-06-11T00:00:00Z").parties().get(2).role())
                .isEqualTo(PartyRole.MEDIATOR);
    }

    @Test
    void aTopicRecordedLaterIsAbsentFromWhatWasKnownBefore() {
        opened().at("2025-06-05T10:00:00Z").append(new TopicAdded(N, "grain", "Grain corridor", null))
                .replayInto(projector);

        assertThat(matrix(null, "2025-06-01T00:00:00Z").topics()).extracting(PositionMatrix.MatrixTopic::id)
                .containsExactly("ceasefire", "prisoner-exchange", "leaders-meeting");
        assertThat(matrix(null, null).topics()).extracting(PositionMatrix.MatrixTopic::id)
                .containsExactly("ceasefire", "prisoner-exchange", "leaders-meeting", "grain");
    }

    @Test
    void theHistoryShowsTheTitleADelegateHeldOnTheStatementsDay() {
        String council = "Secretary of the National Security and Defence Council";
        opened().at("2025-07-20T10:00:00Z").append(
                        statement("s-1", "2025-06-02"), statement("s-2", "2025-07-18"),
                        new DelegateTitleChanged(N, "umerov", "ua", council, day("2025-07-17")))
                .replayInto(projector);

        PositionHistory history = queries.history(new FindPositionHistory(N, "ua", "ceasefire", null, null));
        assertThat(history.entries()).extracting(PositionHistory.HistoryEntry::delegateTitle)
                .containsExactly("Minister of Defence", council);
        assertThat(matrix("2025-07-01", null).delegates().get(0).title()).isEqualTo("Minister of Defence");
        assertThat(matrix(null, null).delegates().get(0).title()).isEqualTo(council);
        assertThat(matrix(null, "2025-07-19T00:00:00Z").delegates().get(0).title()).isEqualTo("Minister of Defence");
        assertThat(queries.history(new FindPositionHistory(N, "ua", "ceasefire", day("2025-07-01"), null))
                .entries()).hasSize(1);
    }

    @Test
    void aProposalThatLapsedShowsAsLapsedNotAsGone() {
        Offer window = Offer.range(new BigDecimal("24"), new BigDecimal("48"), "hours");
        opened().append(new StatementRecorded(N, "s-1", "ru", null, "ceasefire", Stance.PROPOSES,
                        "a ceasefire of 24 to 48 hours", null, window, day("2025-06-02"), List.of(ARTICLE), null, null,
                        day("2025-08-31")))
                .replayInto(projector);

        Position august = matrix("2025-08-31", null).positions().get(0);
        Position september = matrix("2025-09-01", null).positions().get(0);

        assertThat(august.kind()).isEqualTo(VersionKind.RECORDED);
        assertThat(august.offer()).isEqualTo(window);
        assertThat(september.kind()).isEqualTo(VersionKind.LAPSED);
        assertThat(september.statementId()).isEqualTo("s-1");
        assertThat(september.validUntil()).isEqualTo(day("2025-08-31"));
    }

    @Test
    void theLatestMatrixShowsAProposalLapsedOnceTheClockPassesItsLastDay() {
        opened().append(new StatementRecorded(N, "s-1", "ru", null, "ceasefire", Stance.PROPOSES,
                        "a ceasefire of 30 days", null, null, day("2025-06-02"), List.of(ARTICLE), null, null,
                        day("2025-08-31")))
                .replayInto(projector);

        assertThat(latestKindAt("2025-08-31T23:59:59Z")).isEqualTo(VersionKind.RECORDED);
        assertThat(latestKindAt("2025-09-01T00:00:00Z")).isEqualTo(VersionKind.LAPSED);
    }

    /** The kind of the first cell of the latest matrix, with the application's clock at {@code now}. */
    private VersionKind latestKindAt(String now) {
        PositionQueries at = new PositionQueries(jdbc, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
        return at.matrix(new FindPositionMatrix(N, null, null)).positions().get(0).kind();
    }

    @Test
    void outcomesAreListedAsOfADayAsKnownAtATimeAndTheMatrixShowsTheLatestPerTopic() {
        istanbul().at("2025-06-03T10:00:00Z").append(
                        new OutcomeRecorded(N, "no-ceasefire", OutcomeKind.NOT_AGREED, List.of("ceasefire"),
                                List.of("ua", "ru"), "no agreement on a ceasefire", day("2025-05-16"), "istanbul-1",
                                List.of(ARTICLE)),
                        new OutcomeRecorded(N, "bodies", OutcomeKind.AGREED, List.of("prisoner-exchange"),
                                List.of("ua", "ru"), "6,000 bodies each way", day("2025-06-02"), "istanbul-2", null))
                .at("2025-06-20T10:00:00Z").append(new OutcomeStatusRecorded(N, "bodies",
                        OutcomeStatus.PARTLY_IMPLEMENTED, day("2025-06-11"), "the first 1,212 handed over"))
                .replayInto(projector);

        OutcomeList all = queries.outcomes(new FindOutcomes(N, null, null, null, null));
        assertThat(all.outcomes()).extracting(Outcome::id).containsExactly("no-ceasefire", "bodies");
        assertThat(all.outcomes().get(1).status()).isEqualTo(OutcomeStatus.PARTLY_IMPLEMENTED);
        assertThat(queries.outcomes(new FindOutcomes(N, "ceasefire", null, null, null)).outcomes())
                .extracting(Outcome::id).containsExactly("no-ceasefire");
        assertThat(queries.outcomes(new FindOutcomes(N, null, "tr", null, null)).outcomes()).isEmpty();
        assertThat(queries.outcomes(new FindOutcomes(N, null, null, day("2025-06-01"), null)).outcomes())
                .extracting(Outcome::id).containsExactly("no-ceasefire");
        assertThat(queries.outcomes(new FindOutcomes(N, null, null, null,
                Instant.parse("2025-06-02T00:00:00Z"))).outcomes()).isEmpty();
        assertThat(queries.outcomes(new FindOutcomes(N, null, null, day("2025-06-10"), null)).outcomes().get(1)
                .status()).isNull();

        assertThat(matrix(null, null).outcomes()).extracting(PositionMatrix.TopicOutcome::topicId,
                        PositionMatrix.TopicOutcome::kind, PositionMatrix.TopicOutcome::status)
                .containsExactly(tuple("ceasefire", OutcomeKind.NOT_AGREED, null),
                        tuple("prisoner-exchange", OutcomeKind.AGREED, OutcomeStatus.PARTLY_IMPLEMENTED));
        assertThat(matrix("2025-05-20", null).outcomes()).extracting(PositionMatrix.TopicOutcome::outcomeId)
                .containsExactly("no-ceasefire");
    }

    @Test
    void theWageRoundsGapNarrowsFromSixToNothing() {
        History wages = wageRound();
        wages.replayInto(projector);

        OfferGaps gaps = queries.offerGaps(new FindOfferGaps("wage-2024", "pay-rise", null, null));

        assertThat(gaps.pairs()).singleElement().satisfies(pair -> {
            assertThat(pair.firstPartyId()).isEqualTo("union");
            assertThat(pair.secondPartyId()).isEqualTo("employer");
            assertThat(pair.points()).extracting(OfferGaps.Point::on).containsExactly(day("2024-01-15"),
                    day("2024-02-01"), day("2024-02-20"), day("2024-03-05"));
            assertThat(pair.points()).extracting(point -> point.gap().toPlainString())
                    .containsExactly("6", "3.5", "0.8", "0");
            // Of the opening gap of 6 points, the union closed 3.5 (8 → 4.5), the employer 2.5 (2 → 4.5).
            assertThat(pair.firstConceded()).isEqualByComparingTo("3.5");
            assertThat(pair.secondConceded()).isEqualByComparingTo("2.5");
            assertThat(pair.concessionUnit()).isEqualTo(pair.points().get(0).unit());
        });
        // Before the correction of the employer's third offer was recorded, it read 4.0: a gap of 1.
        OfferGaps before = queries.offerGaps(new FindOfferGaps("wage-2024", "pay-rise", null,
                Instant.parse("2024-02-25T00:00:00Z")));
        assertThat(before.pairs().get(0).points()).extracting(point -> point.gap().toPlainString())
                .containsExactly("6", "3.5", "1");
        OfferGaps inFebruary = queries.offerGaps(new FindOfferGaps("wage-2024", "pay-rise", day("2024-02-10"),
                null));
        assertThat(inFebruary.pairs().get(0).points()).hasSize(2);
        assertThat(queries.offerGaps(new FindOfferGaps("wage-2024", "no-topic", null, null))).isNull();
    }

    @Test
    void rangesAreApartByTheSpaceBetweenThemAndOffersInOtherUnitsOfADimensionAreConverted() {
        Offer hours = Offer.range(new BigDecimal("24"), new BigDecimal("48"), "hours");
        assertThat(OfferSeries.gap(hours, Offer.of(72, "hours"))).isEqualByComparingTo("24");
        assertThat(OfferSeries.gap(Offer.of(12, "hours"), hours)).isEqualByComparingTo("12");
        assertThat(OfferSeries.gap(hours, Offer.range(new BigDecimal("40"), new BigDecimal("60"), "hours")))
                .isEqualByComparingTo("0");
        assertThat(OfferSeries.gap(hours, Offer.of(2, "days"))).isEqualByComparingTo("0");
        // 30 days against 24–48 hours: 720 − 48 hours, shown in the smaller unit.
        OfferSeries.Distance month = OfferSeries.distance(Offer.of(30, "days"), hours);
        assertThat(month.shown()).isEqualByComparingTo("672");
        assertThat(month.shownIn().name()).isEqualTo("hours");
        assertThat(OfferSeries.gap(Offer.of(2, "weeks"), Offer.of(10, "Days"))).isEqualByComparingTo("4");
        assertThat(OfferSeries.gap(Offer.of(5, "%"), Offer.of(3, "per cent"))).isEqualByComparingTo("2");
        assertThat(OfferSeries.gap(Offer.of(2, "USD million"), Offer.of(1_500_000, "usd")))
                .isEqualByComparingTo("500000");
        assertThat(OfferSeries.gap(Offer.of(1, "$ bn"), Offer.of(900, "million USD"))).isEqualByComparingTo("100");
        assertThat(OfferSeries.gap(Offer.of(2, "USD million"), Offer.of(2, "EUR million"))).isNull();
        assertThat(OfferSeries.gap(Offer.of(1000, "prisoners"), Offer.of(1000, "%"))).isNull();
        assertThat(OfferSeries.gap(Offer.of(1000, "prisoners"), Offer.of(1200, "Prisoners"))).isEqualByComparingTo(
                "200");
    }

    private static StatementRecorded statement(String id, String effectiveOn) {
        return new StatementRecorded(N, id, "ua", "umerov", "ceasefire", Stance.SUPPORTS, "summary " + id, null, null,
                day(effectiveOn), List.of(ARTICLE), null);
    }

    /**
     * Union 8 % against employer 2 %, then 6.5 against 3.0 (and a misreported 3.5, retracted), 5.0
     * against 4.0 corrected to 4.2, then both 4.5.
     */
    static History wageRound() {
        String w = "wage-2024";
        return new History().at("2024-01-10T09:00:00Z").append(
                        new NegotiationOpened(w, "Wage round 2024", null, day("2024-01-10")),
                        new PartyRegistered(w, "union", "The union", PartyRole.PARTY),
                        new PartyRegistered(w, "employer", "The employer", PartyRole.PARTY),
                        new TopicAdded(w, "pay-rise", "Pay rise", null))
                .at("2024-01-15T18:00:00Z").append(wage(w, "union-1", "union", "8", "2024-01-15"),
                        wage(w, "employer-1", "employer", "2.0", "2024-01-15"))
                .at("2024-02-01T18:00:00Z").append(wage(w, "union-2", "union", "6.5", "2024-02-01"),
                        wage(w, "employer-2", "employer", "3.0", "2024-02-01"))
                .at("2024-02-02T18:00:00Z").append(wage(w, "employer-2b", "employer", "3.5", "2024-02-02"))
                .at("2024-02-03T18:00:00Z").append(new StatementRetracted(w, "employer-2b", "employer", "pay-rise",
                        "misreported"))
                .at("2024-02-20T18:00:00Z").append(wage(w, "union-3", "union", "5.0", "2024-02-20"),
                        wage(w, "employer-3", "employer", "4.0", "2024-02-20"))
                .at("2024-02-28T18:00:00Z").append(new StatementCorrected(w, "employer-3", "fix", "employer",
                        "pay-rise", new StatementChanges(null, null, new Offer(new BigDecimal("4.2"), "%"), null,
                        null), "it was 4.2"))
                .at("2024-03-05T18:00:00Z").append(wage(w, "union-4", "union", "4.5", "2024-03-05"),
                        wage(w, "employer-4", "employer", "4.50", "2024-03-05"));
    }

    private static StatementRecorded wage(String negotiation, String id, String party, String percent, String on) {
        return new StatementRecorded(negotiation, id, party, null, "pay-rise", Stance.PROPOSES, percent + " %", null,
                new Offer(new BigDecimal(percent), "%"), LocalDate.parse(on), null, null);
    }
}
