package org.negotiationledger.core.negotiation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.AgreeExchange;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.ExchangeCompleted;
import org.negotiationledger.core.api.ExchangeExecutionRecorded;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.ExchangeKind;
import org.negotiationledger.core.api.ExchangeTerms;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.ProposeExchange;
import org.negotiationledger.core.api.RecordExchangeExecution;
import org.negotiationledger.core.api.RuleViolationException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.negotiationledger.core.negotiation.Given.NEGOTIATION;
import static org.negotiationledger.core.negotiation.Given.OPENED_ON;
import static org.negotiationledger.core.negotiation.Given.RECORDED_AT;
import static org.negotiationledger.core.negotiation.Given.agree;
import static org.negotiationledger.core.negotiation.Given.agreed;
import static org.negotiationledger.core.negotiation.Given.allForAll;
import static org.negotiationledger.core.negotiation.Given.closedOn;
import static org.negotiationledger.core.negotiation.Given.closedRefusal;
import static org.negotiationledger.core.negotiation.Given.day;
import static org.negotiationledger.core.negotiation.Given.firstRound;
import static org.negotiationledger.core.negotiation.Given.istanbul;
import static org.negotiationledger.core.negotiation.Given.thousandForThousand;

/** Swaps proposed, agreed and carried out in stages: 1000 for 1000, and all for all in categories. */
class ExchangesTest {

    private FixtureConfiguration<Negotiation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Negotiation.class);
    }

    private static ProposeExchange propose(String id, ExchangeTerms terms) {
        return new ProposeExchange(NEGOTIATION, id, "ua", OPENED_ON, terms, RECORDED_AT);
    }

    private static RecordExchangeExecution stage(int stage, String executedOn, int ua, int ru) {
        return new RecordExchangeExecution(NEGOTIATION, "pow-1", stage, day(executedOn), Map.of("ua", ua, "ru", ru),
                false, null, RECORDED_AT);
    }

    private static ExchangeExecutionRecorded executed(int stage, String executedOn, int released, int total) {
        return new ExchangeExecutionRecorded(NEGOTIATION, "pow-1", stage, day(executedOn),
                Map.of("ua", released, "ru", released), Map.of("ua", total, "ru", total), false, null);
    }

    private static Object[] agreedThousandForThousand() {
        return new Object[]{thousandForThousand(), agreed("pow-1", OPENED_ON, "ua", "ru")};
    }

    @Test
    void thousandForThousandIsProposed() {
        fixture.given(istanbul())
                .when(propose("pow-1", ExchangeTerms.numbered(ExchangeKind.PRISONERS, Map.of("ru", 1000, "ua", 1000))))
                .expectEvents(thousandForThousand());
    }

    @Test
    void allForAllInNamedCategoriesIsProposed() {
        fixture.given(istanbul())
                .when(new ProposeExchange(NEGOTIATION, "pow-2", "ua", day("2025-06-02"),
                        ExchangeTerms.allForAll(ExchangeKind.PRISONERS, List.of("ua", "ru"),
                                List.of("seriously ill", "wounded", "under 25")), RECORDED_AT))
                .expectEvents(allForAll());
    }

    @Test
    void whoProposedMayBeUnknownAndSaidSoInANote() {
        ExchangeTerms terms = ExchangeTerms.numbered(ExchangeKind.PRISONERS, Map.of("ru", 1000, "ua", 1000));
        fixture.given(istanbul())
                .when(new ProposeExchange(NEGOTIATION, "pow-1", null, OPENED_ON, terms, "the source does not say "
                        + "which side proposed it", RECORDED_AT))
                .expectEvents(new ExchangeProposed(NEGOTIATION, "pow-1", null, OPENED_ON, terms,
                        "the source does not say which side proposed it"));
    }

    @Test
    void repeatedProposalIsANoOpAndOtherTermsAreAConflict() {
        fixture.given(istanbul())
                .andGiven(thousandForThousand())
                .when(propose("pow-1", ExchangeTerms.numbered(ExchangeKind.PRISONERS, Map.of("ua", 1000, "ru", 1000))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(thousandForThousand())
                .when(propose("pow-1", ExchangeTerms.numbered(ExchangeKind.PRISONERS, Map.of("ua", 500, "ru", 500))))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("exchange 'pow-1' already exists in negotiation 'ru-ua-2025' with other "
                        + "content");
    }

    @Test
    void oneSideHandingOverIsATransferWithTheSameRulesOnNumbersAndStages() {
        ExchangeTerms bodies = ExchangeTerms.numbered(ExchangeKind.BODIES, Map.of("ru", 3000));
        ExchangeProposed proposed = new ExchangeProposed(NEGOTIATION, "bodies-1", "ru", day("2025-06-02"), bodies);
        ExchangeAgreed agreed = new ExchangeAgreed(NEGOTIATION, "bodies-1", List.of("ru", "ua"), day("2025-06-02"),
                null);
        fixture.given(istanbul())
                .when(new ProposeExchange(NEGOTIATION, "bodies-1", "ru", day("2025-06-02"), bodies, RECORDED_AT))
                .expectEvents(proposed);
        fixture.given(istanbul())
                .andGiven(proposed)
                .when(new AgreeExchange(NEGOTIATION, "bodies-1", List.of("ru", "ua"), day("2025-06-02"), null,
                        RECORDED_AT))
                .expectEvents(agreed);
        fixture.given(istanbul())
                .andGiven(proposed, agreed)
                .when(new RecordExchangeExecution(NEGOTIATION, "bodies-1", 1, day("2025-06-11"), Map.of("ru", 3001),
                        false, null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("stage 1 of exchange 'bodies-1' would bring 'ru' to 3001 released, beyond "
                        + "the agreed 3000");
        fixture.given(istanbul())
                .andGiven(proposed, agreed)
                .when(new RecordExchangeExecution(NEGOTIATION, "bodies-1", 1, day("2025-06-11"), Map.of("ru", 3000),
                        false, null, RECORDED_AT))
                .expectEvents(new ExchangeExecutionRecorded(NEGOTIATION, "bodies-1", 1, day("2025-06-11"),
                                Map.of("ru", 3000), Map.of("ru", 3000), false, null),
                        new ExchangeCompleted(NEGOTIATION, "bodies-1", day("2025-06-11"), Map.of("ru", 3000)));
    }

    @Test
    void aTransferIsAgreedByItsGivingSide() {
        fixture.given(istanbul())
                .andGiven(new ExchangeProposed(NEGOTIATION, "bodies-1", "ru", day("2025-06-02"),
                        ExchangeTerms.numbered(ExchangeKind.BODIES, Map.of("ru", 3000))))
                .when(new AgreeExchange(NEGOTIATION, "bodies-1", List.of("ua"), day("2025-06-02"), null,
                        RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("exchange 'bodies-1' must be agreed by its giving side [ru], got [ua]");
    }

    @Test
    void aSideNamedTwiceIsRejected() {
        fixture.given(istanbul())
                .when(propose("pow-3", ExchangeTerms.allForAll(ExchangeKind.PRISONERS, List.of("ua", "ua"),
                        List.of())))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("exchange 'pow-3' needs one giving side (a transfer) or several distinct "
                        + "sides, got [ua, ua]");
    }

    @Test
    void anExchangeOfOtherThingsSaysWhatInWords() {
        fixture.given(istanbul())
                .when(propose("grain-1", new ExchangeTerms(ExchangeKind.OTHER, null, List.of("ua", "ru"),
                        Map.of("ua", 10, "ru", 10), false, List.of())))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("exchange 'grain-1' is of kind OTHER and must say what it exchanges in "
                        + "kindText");
    }

    @Test
    void exchangeWithUnregisteredSideIsRejected() {
        fixture.given(istanbul())
                .when(propose("pow-3", ExchangeTerms.numbered(ExchangeKind.PRISONERS, Map.of("ua", 10, "by", 10))))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("party 'by' is not registered in negotiation 'ru-ua-2025'");
    }

    @Test
    void exchangeProposedByUnregisteredPartyIsRejected() {
        fixture.given(istanbul())
                .when(new ProposeExchange(NEGOTIATION, "pow-3", "us", OPENED_ON,
                        ExchangeTerms.numbered(ExchangeKind.PRISONERS, Map.of("ua", 10, "ru", 10)), RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("party 'us' is not registered in negotiation 'ru-ua-2025'");
    }

    @Test
    void numberedExchangeNeedsANumberForEverySide() {
        fixture.given(istanbul())
                .when(propose("pow-3", new ExchangeTerms(ExchangeKind.PRISONERS, null, List.of("ua", "ru"),
                        Map.of("ua", 10), false,
                        List.of())))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("exchange 'pow-3' names no positive number for side 'ru'; an exchange "
                        + "without numbers must be all for all");
    }

    @Test
    void numberForAPartyThatIsNoSideIsRejected() {
        fixture.given(istanbul())
                .when(propose("pow-3", new ExchangeTerms(ExchangeKind.PRISONERS, null, List.of("ua", "ru"),
                        Map.of("ua", 10, "ru", 10, "tr", 1), false, List.of())))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("exchange 'pow-3' names a number for 'tr', which is not one of its sides "
                        + "[ua, ru]");
    }

    @Test
    void allForAllWithNumbersIsRejected() {
        fixture.given(istanbul())
                .when(propose("pow-3", new ExchangeTerms(ExchangeKind.PRISONERS, null, List.of("ua", "ru"),
                        Map.of("ua", 10, "ru", 10),
                        true, List.of("wounded"))))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("exchange 'pow-3' is all for all and so has no numbers; name its categories "
                        + "instead");
    }

    @Test
    void exchangeAgreedByBothSidesAtAMeeting() {
        fixture.given(istanbul())
                .andGiven(firstRound(), thousandForThousand())
                .when(new AgreeExchange(NEGOTIATION, "pow-1", List.of("ua", "ru"), OPENED_ON, "istanbul-1",
                        RECORDED_AT))
                .expectEvents(new ExchangeAgreed(NEGOTIATION, "pow-1",
                        List.of("ua", "ru"), OPENED_ON, "istanbul-1"));
    }

    @Test
    void repeatedAgreementIsANoOpAndADifferentOneIsAConflict() {
        fixture.given(istanbul())
                .andGiven(agreedThousandForThousand())
                .when(agree("pow-1", OPENED_ON, "ua", "ru"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(agreedThousandForThousand())
                .when(agree("pow-1", day("2025-05-17"), "ua", "ru"))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("exchange 'pow-1' was already agreed on 2025-05-16 with other terms of "
                        + "agreement");
    }

    @Test
    void exchangeAgreedByOnePartyIsRejected() {
        fixture.given(istanbul())
                .andGiven(thousandForThousand())
                .when(agree("pow-1", OPENED_ON, "ua", "ua", "tr"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("exchange 'pow-1' must be agreed by at least two of its sides [ru, ua], got "
                        + "[ua, ua, tr]");
    }

    @Test
    void agreementOfUnknownExchangeIsRejected() {
        fixture.given(istanbul())
                .when(agree("pow-9", OPENED_ON, "ua", "ru"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("exchange 'pow-9' does not exist in negotiation 'ru-ua-2025'");
    }

    @Test
    void agreementAtAnUnknownMeetingIsRejected() {
        fixture.given(istanbul())
                .andGiven(thousandForThousand())
                .when(new AgreeExchange(NEGOTIATION, "pow-1", List.of("ua", "ru"), OPENED_ON, "geneva",
                        RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("meeting 'geneva' does not exist in negotiation 'ru-ua-2025'");
    }

    @Test
    void agreementBeforeTheProposalIsRejected() {
        fixture.given(istanbul())
                .andGiven(allForAll())
                .when(new AgreeExchange(NEGOTIATION, "pow-2", List.of("ua", "ru"), day("2025-06-01"), null,
                        RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-06-01 of the agreement of exchange 'pow-2' is before it was "
                        + "proposed on 2025-06-02");
    }

    @Test
    void stagesAreRecordedWithRunningTotals() {
        fixture.given(istanbul())
                .andGiven(agreedThousandForThousand())
                .andGiven(executed(1, "2025-05-23", 390, 390))
                .when(stage(2, "2025-05-24", 307, 307))
                .expectEvents(executed(2, "2025-05-24", 307, 697));
    }

    @Test
    void reachingTheAgreedNumbersCompletesTheExchange() {
        fixture.given(istanbul())
                .andGiven(agreedThousandForThousand())
                .andGiven(executed(1, "2025-05-23", 390, 390), executed(2, "2025-05-24", 307, 697))
                .when(stage(3, "2025-05-25", 303, 303))
                .expectEvents(executed(3, "2025-05-25", 303, 1000),
                        new ExchangeCompleted(NEGOTIATION, "pow-1", day("2025-05-25"), Map.of("ua", 1000, "ru", 1000)));
    }

    @Test
    void executionBeyondAgreedNumbersIsRejected() {
        fixture.given(istanbul())
                .andGiven(agreedThousandForThousand())
                .andGiven(executed(1, "2025-05-23", 390, 390), executed(2, "2025-05-24", 307, 697))
                .when(stage(3, "2025-05-25", 304, 303))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("stage 3 of exchange 'pow-1' would bring 'ua' to 1001 released, beyond the "
                        + "agreed 1000");
    }

    @Test
    void repeatedStageIsANoOpAndOtherNumbersAreAConflict() {
        fixture.given(istanbul())
                .andGiven(agreedThousandForThousand())
                .andGiven(executed(1, "2025-05-23", 390, 390), executed(2, "2025-05-24", 307, 697))
                .when(stage(1, "2025-05-23", 390, 390))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(agreedThousandForThousand())
                .andGiven(executed(1, "2025-05-23", 390, 390))
                .when(stage(1, "2025-05-23", 391, 390))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("stage 1 of exchange 'pow-1' is already recorded with other content");
    }

    @Test
    void executionBeforeAgreementIsRejected() {
        fixture.given(istanbul())
                .andGiven(thousandForThousand())
                .when(stage(1, "2025-05-23", 390, 390))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("exchange 'pow-1' cannot be carried out before it is agreed");
    }

    @Test
    void executionOfACompletedExchangeIsRejected() {
        fixture.given(istanbul())
                .andGiven(agreedThousandForThousand())
                .andGiven(executed(1, "2025-05-23", 1000, 1000),
                        new ExchangeCompleted(NEGOTIATION, "pow-1", day("2025-05-23"), Map.of("ua", 1000, "ru", 1000)))
                .when(stage(2, "2025-05-24", 0, 0))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("exchange 'pow-1' is already completed");
    }

    @Test
    void releaseByAPartyThatIsNoSideIsRejected() {
        fixture.given(istanbul())
                .andGiven(agreedThousandForThousand())
                .when(new RecordExchangeExecution(NEGOTIATION, "pow-1", 1, day("2025-05-23"), Map.of("tr", 1), false,
                        null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("party 'tr' is not a side of exchange 'pow-1' [ru, ua]");
    }

    @Test
    void negativeReleaseIsRejected() {
        fixture.given(istanbul())
                .andGiven(agreedThousandForThousand())
                .when(stage(1, "2025-05-23", -1, 5))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("stage 1 of exchange 'pow-1' releases a negative number for 'ua'");
    }

    @Test
    void stageNumbersStartAtOne() {
        fixture.given(istanbul())
                .andGiven(agreedThousandForThousand())
                .when(stage(0, "2025-05-23", 1, 1))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("stages of exchange 'pow-1' are numbered from 1, got 0");
    }

    @Test
    void executionBeforeTheAgreementDateIsRejected() {
        fixture.given(istanbul())
                .andGiven(thousandForThousand(), agreed("pow-1", day("2025-05-20"), "ua", "ru"))
                .when(stage(1, "2025-05-19", 1, 1))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-19 of stage 1 of exchange 'pow-1' is before it was agreed "
                        + "on 2025-05-20");
    }

    @Test
    void allForAllHasNoUpperBoundAndCompletesWhenItsLastStageSaysSo() {
        LocalDate june = day("2025-06-10");
        fixture.given(istanbul())
                .andGiven(allForAll(), agreed("pow-2", day("2025-06-02"), "ua", "ru"))
                .when(new RecordExchangeExecution(NEGOTIATION, "pow-2", 1, june, Map.of("ua", 5000, "ru", 5000), true,
                        "wounded and under 25", RECORDED_AT))
                .expectEvents(new ExchangeExecutionRecorded(NEGOTIATION, "pow-2", 1, june,
                                Map.of("ua", 5000, "ru", 5000), Map.of("ua", 5000, "ru", 5000), true,
                                "wounded and under 25"),
                        new ExchangeCompleted(NEGOTIATION, "pow-2", june, Map.of("ua", 5000, "ru", 5000)));
    }

    @Test
    void numberedExchangeCannotBeDeclaredCompleteBeforeItsNumbersAreReached() {
        fixture.given(istanbul())
                .andGiven(agreedThousandForThousand())
                .when(new RecordExchangeExecution(NEGOTIATION, "pow-1", 1, day("2025-05-23"),
                        Map.of("ua", 390, "ru", 390), true, null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("exchange 'pow-1' cannot be completed: released so far {ru=390, ua=390} of "
                        + "the agreed {ru=1000, ua=1000}");
    }

    @Test
    void exchangeProposedInTheFutureIsRejected() {
        fixture.given(istanbul())
                .when(new ProposeExchange(NEGOTIATION, "pow-3", "ua", day("2025-08-01"),
                        ExchangeTerms.numbered(ExchangeKind.BODIES, Map.of("ua", 6000, "ru", 6000)), RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-08-01 of exchange 'pow-3' is after the day it is recorded "
                        + "(2025-06-27)");
    }

    @Test
    void exchangeInAClosedNegotiationIsRejected() {
        fixture.given(istanbul())
                .andGiven(closedOn("2025-06-20"))
                .when(propose("pow-3", ExchangeTerms.numbered(ExchangeKind.BODIES, Map.of("ua", 6000, "ru", 6000))))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(closedRefusal("2025-06-20"));
    }
}
