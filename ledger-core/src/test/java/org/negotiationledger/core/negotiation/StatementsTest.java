package org.negotiationledger.core.negotiation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.CorrectStatement;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.RecordStatement;
import org.negotiationledger.core.api.RetractStatement;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementChanges;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.instanceOf;
import static org.negotiationledger.core.negotiation.Given.ARTICLE;
import static org.negotiationledger.core.negotiation.Given.NEGOTIATION;
import static org.negotiationledger.core.negotiation.Given.RECORDED_AT;
import static org.negotiationledger.core.negotiation.Given.closedOn;
import static org.negotiationledger.core.negotiation.Given.closedRefusal;
import static org.negotiationledger.core.negotiation.Given.day;
import static org.negotiationledger.core.negotiation.Given.istanbul;
import static org.negotiationledger.core.negotiation.Given.recorded;
import static org.negotiationledger.core.negotiation.Given.statement;
import static org.negotiationledger.core.negotiation.Given.umerovOnCeasefire;

/** Recording, correcting and retracting what the parties said. */
class StatementsTest {

    private FixtureConfiguration<Negotiation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Negotiation.class);
    }

    @Test
    void delegateStatementForHisPartyIsRecorded() {
        RecordStatement command = statement("s-1", "ua", "umerov", "ceasefire", day("2025-06-27"));
        fixture.given(istanbul())
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded(command));
    }

    @Test
    void conditionalPositionKeepsItsConditions() {
        RecordStatement command = new RecordStatement(NEGOTIATION, "s-2", "ua", "zelensky", "ceasefire",
                Stance.CONDITIONAL, "ready to meet in any format",
                "a ceasefire is discussed at once, without preliminary technical meetings", null,
                day("2025-05-27"), List.of(ARTICLE), null, RECORDED_AT);
        fixture.given(istanbul())
                .when(command)
                .expectEvents(new StatementRecorded(NEGOTIATION, "s-2", "ua", "zelensky", "ceasefire",
                        Stance.CONDITIONAL, "ready to meet in any format",
                        "a ceasefire is discussed at once, without preliminary technical meetings", null,
                        day("2025-05-27"), List.of(ARTICLE), null));
    }

    @Test
    void statementRecordedWeeksAfterItWasMadeKeepsItsEffectiveDate() {
        RecordStatement command = statement("s-3", "ru", "medinsky", "prisoner-exchange", day("2025-05-16"));
        fixture.given(istanbul())
                .when(command)
                .expectEvents(recorded(command));
    }

    @Test
    void partyStatementNeedsNoDelegate() {
        RecordStatement command = statement("s-4", "tr", null, "ceasefire", day("2025-05-16"));
        fixture.given(istanbul())
                .when(command)
                .expectEvents(recorded(command));
    }

    @Test
    void wageRoundWithAnOfferInPercentFitsTheSameCommand() {
        RecordStatement command = new RecordStatement(NEGOTIATION, "s-5", "ua", null, "ceasefire",
                Stance.PROPOSES, "offers a raise", null, new Offer(new BigDecimal("4.50"), "%"),
                day("2025-06-01"), null, null, RECORDED_AT);
        fixture.given(istanbul())
                .when(command)
                .expectEvents(new StatementRecorded(NEGOTIATION, "s-5", "ua", null, "ceasefire", Stance.PROPOSES,
                        "offers a raise", null, new Offer(new BigDecimal("4.5"), "%"), day("2025-06-01"), null,
                        null));
    }

    @Test
    void repeatedStatementIsANoOp() {
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire())
                .when(statement("s-1", "ua", "umerov", "ceasefire", day("2025-06-27")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void statementIdReusedWithOtherContentIsAConflict() {
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire())
                .when(statement("s-1", "ua", "umerov", "prisoner-exchange", day("2025-06-27")))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("statement 's-1' already exists in negotiation 'ru-ua-2025' with other "
                        + "content");
    }

    @Test
    void aStatementAddressedToAnotherPartyNamesItsCounterpartAndTime() {
        RecordStatement command = towards("ru", "ua");
        fixture.given(istanbul())
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StatementRecorded(NEGOTIATION, "s-1", "ua", null, "ceasefire", Stance.SUPPORTS,
                        "talks", null, null, day("2025-06-27"), List.of(), null, null, null, null, "ru",
                        LocalTime.of(14, 30), List.of()));
    }

    @Test
    void aStatementAddressedToAnUnknownPartyOrToItsOwnIsRejected() {
        fixture.given(istanbul())
                .when(towards("us", "ua"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("party 'us' is not registered in negotiation 'ru-ua-2025'");
        new AggregateTestFixture<>(Negotiation.class).given(istanbul())
                .when(towards("ua", "ua"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("statement 's-1' is addressed to party 'ua', which makes it; "
                        + "name another party as its counterpart");
    }

    private static RecordStatement towards(String counterpartId, String partyId) {
        return new RecordStatement(NEGOTIATION, "s-1", partyId, null, "ceasefire", Stance.SUPPORTS, "talks", null,
                null, day("2025-06-27"), List.of(), null, null, null, null, counterpartId, LocalTime.of(14, 30),
                List.of(), RECORDED_AT);
    }

    @Test
    void statementByUnregisteredPartyIsRejected() {
        fixture.given(istanbul())
                .when(statement("s-1", "us", null, "ceasefire", day("2025-06-27")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("party 'us' is not registered in negotiation 'ru-ua-2025'");
    }

    @Test
    void statementOnUnregisteredTopicIsRejected() {
        fixture.given(istanbul())
                .when(statement("s-1", "ua", "umerov", "air-defence", day("2025-06-27")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("topic 'air-defence' is not registered in negotiation 'ru-ua-2025'");
    }

    @Test
    void statementByUnregisteredDelegateIsRejected() {
        fixture.given(istanbul())
                .when(statement("s-1", "ru", "putin", "ceasefire", day("2025-06-18")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("delegate 'putin' is not registered in negotiation 'ru-ua-2025'");
    }

    @Test
    void delegateSpeakingForAnotherPartyIsRejected() {
        fixture.given(istanbul())
                .when(statement("s-1", "ru", "umerov", "ceasefire", day("2025-06-27")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("delegate 'umerov' speaks for party 'ua', not for 'ru'");
    }

    @Test
    void statementEffectiveAfterItIsRecordedIsRejected() {
        fixture.given(istanbul())
                .when(statement("s-1", "ua", "umerov", "ceasefire", day("2025-06-29")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-06-29 of statement 's-1' is after the day it is recorded "
                        + "(2025-06-27)");
    }

    @Test
    void statementEffectiveBeforeTheNegotiationOpenedIsRejected() {
        fixture.given(istanbul())
                .when(statement("s-1", "ua", "umerov", "ceasefire", day("2025-05-01")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-01 of statement 's-1' is before the negotiation opened "
                        + "on 2025-05-16");
    }

    @Test
    void statementEffectiveAfterItsSourceWasPublishedIsRejected() {
        Source earlyArticle = new Source("NV", "t", null, day("2025-05-20"), "ru", null);
        fixture.given(istanbul())
                .when(new RecordStatement(NEGOTIATION, "s-1", "ua", "umerov", "ceasefire", Stance.SUPPORTS, "s",
                        null, null, day("2025-05-27"), List.of(earlyArticle), null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-27 of statement 's-1' is after its first source was "
                        + "published on 2025-05-20");
    }

    @Test
    void aStatementReportedInSeveralPlacesHappenedNoLaterThanTheFirstReport() {
        Source later = new Source("TASS", "t", "https://tass.ru/politika/24123456", day("2025-06-02"), "ru", null);
        Source earlier = new Source("NV", "t", "https://nv.ua/ukr/world/umerov-50525.html", day("2025-05-28"), "ru",
                null, "B", 2);
        fixture.given(istanbul())
                .when(new RecordStatement(NEGOTIATION, "s-1", "ua", "umerov", "ceasefire", Stance.SUPPORTS, "s",
                        null, null, day("2025-05-30"), List.of(later, earlier), null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-30 of statement 's-1' is after its first source was "
                        + "published on 2025-05-28");
        fixture.given(istanbul())
                .when(new RecordStatement(NEGOTIATION, "s-1", "ua", "umerov", "ceasefire", Stance.SUPPORTS, "s",
                        null, null, day("2025-05-27"), List.of(later, earlier), null, RECORDED_AT))
                .expectEvents(new StatementRecorded(NEGOTIATION, "s-1", "ua", "umerov", "ceasefire", Stance.SUPPORTS,
                        "s", null, null, day("2025-05-27"), List.of(later, earlier), null));
    }

    @Test
    void aSiteFrontPageIsNoSource() {
        Source article = new Source("NV", "t", "https://nv.ua/ukr/world/umerov-50525.html", null, "ru", null);
        for (String frontPage : List.of("https://nv.ua/", "https://nv.ua", "http://www.tass.ru/")) {
            Source site = new Source("NV", "t", frontPage, null, "ru", null);
            fixture.given(istanbul())
                    .when(new RecordStatement(NEGOTIATION, "s-1", "ua", "umerov", "ceasefire", Stance.SUPPORTS, "s",
                            null, null, day("2025-05-27"), List.of(article, site), null, RECORDED_AT))
                    .expectException(InvalidValueException.class)
                    .expectExceptionMessage("sources[1].url is the front page of a site (" + frontPage
                            + "); give the address of the report itself");
        }
    }

    @Test
    void statementInAClosedNegotiationIsRejected() {
        fixture.given(istanbul())
                .andGiven(closedOn("2025-06-20"))
                .when(statement("s-1", "ua", "umerov", "ceasefire", day("2025-06-01")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(closedRefusal("2025-06-20"));
    }

    private static final StatementChanges TO_CONDITIONAL = new StatementChanges(Stance.CONDITIONAL, null, null,
            "only with a ceasefire first", null);

    @Test
    void correctionSaysWhatChangedAndWhy() {
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire())
                .when(new CorrectStatement(NEGOTIATION, "s-1", "c-1", TO_CONDITIONAL, "misquoted", RECORDED_AT))
                .expectEvents(new StatementCorrected(NEGOTIATION, "s-1", "c-1", "ua", "ceasefire", TO_CONDITIONAL,
                        "misquoted"));
    }

    @Test
    void correctionIsAcceptedAfterTheNegotiationClosed() {
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire(),
                        closedOn("2025-06-27"))
                .when(new CorrectStatement(NEGOTIATION, "s-1", "c-1", TO_CONDITIONAL, "misquoted", RECORDED_AT))
                .expectEvents(new StatementCorrected(NEGOTIATION, "s-1", "c-1", "ua", "ceasefire", TO_CONDITIONAL,
                        "misquoted"));
    }

    @Test
    void correctionWithoutIdIsRecognisedWhenRepeated() {
        CorrectStatement withoutId = new CorrectStatement(NEGOTIATION, "s-1", null, TO_CONDITIONAL, "misquoted",
                RECORDED_AT);
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire())
                .when(withoutId)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(messageWithPayload(instanceOf(StatementCorrected.class)),
                        andNoMore()));
        // Whatever id an earlier release derived for it, the same correction is a repeat.
        for (String derivedId : List.of("c-3f2a9b7c01d4e5f6", "c-5e1d0c2b3a49f8e7")) {
            fixture.given(istanbul())
                    .andGiven(umerovOnCeasefire(), new StatementCorrected(NEGOTIATION, "s-1", derivedId, "ua",
                            "ceasefire", TO_CONDITIONAL, "misquoted"))
                    .when(withoutId)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Test
    void aReportFoundLaterIsAddedByACorrectionThatGivesAllTheSources() {
        RecordStatement recorded = statement("s-2", "ua", "umerov", "ceasefire", day("2025-06-01"));
        Source tass = new Source("TASS", "t", "https://tass.ru/politika/24123456", day("2025-06-02"), "ru", null,
                "B", 2);
        StatementChanges withTass = new StatementChanges(null, null, null, null, null, null,
                List.of(ARTICLE, tass));
        fixture.given(istanbul())
                .andGiven(recorded(recorded))
                .when(new CorrectStatement(NEGOTIATION, "s-2", "c-1", withTass, "a second report", RECORDED_AT))
                .expectEvents(new StatementCorrected(NEGOTIATION, "s-2", "c-1", "ua", "ceasefire", withTass,
                        "a second report"));
        Source tooEarly = new Source("TASS", "t", "https://tass.ru/politika/1", day("2025-05-30"), "ru", null);
        fixture.given(istanbul())
                .andGiven(recorded(recorded))
                .when(new CorrectStatement(NEGOTIATION, "s-2", "c-1", new StatementChanges(null, null, null, null,
                        null, null, List.of(ARTICLE, tooEarly)), "a second report", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-06-01 of the correction of statement 's-2' is after its "
                        + "first source was published on 2025-05-30");
    }

    @Test
    void correctionCannotMoveAStatementPastItsSourcesPublication() {
        RecordStatement early = statement("s-2", "ua", "umerov", "ceasefire", day("2025-06-01"));
        fixture.given(istanbul())
                .andGiven(recorded(early))
                .when(new CorrectStatement(NEGOTIATION, "s-2", "c-1",
                        new StatementChanges(null, null, null, null, day("2025-06-28")), "wrong day",
                        Instant.parse("2025-07-01T10:00:00Z")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-06-28 of the correction of statement 's-2' is after its first "
                        + "source was published on 2025-06-27");
    }

    @Test
    void correctionIdReusedWithOtherContentIsAConflict() {
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire(),
                        new StatementCorrected(NEGOTIATION, "s-1", "c-1", "ua", "ceasefire", TO_CONDITIONAL, "x"))
                .when(new CorrectStatement(NEGOTIATION, "s-1", "c-1", TO_CONDITIONAL, "other reason", RECORDED_AT))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("correction 'c-1' already exists in negotiation 'ru-ua-2025' with other "
                        + "content");
    }

    @Test
    void correctionThatChangesNothingIsRejected() {
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire())
                .when(new CorrectStatement(NEGOTIATION, "s-1", "c-1", new StatementChanges(null, null, null, null,
                        null), "nothing", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("a correction of statement 's-1' must change at least one of stance, "
                        + "summary, offer, conditions, effectiveOn, validUntil or sources");
    }

    @Test
    void correctionOfUnknownStatementIsRejected() {
        fixture.given(istanbul())
                .when(new CorrectStatement(NEGOTIATION, "s-9", "c-1", TO_CONDITIONAL, "x", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("statement 's-9' does not exist in negotiation 'ru-ua-2025'");
    }

    @Test
    void correctionToAFutureEffectiveDateIsRejected() {
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire())
                .when(new CorrectStatement(NEGOTIATION, "s-1", "c-1",
                        new StatementChanges(null, null, null, null, day("2025-07-10")), "wrong day", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-07-10 of the correction of statement 's-1' is after the day "
                        + "it is recorded (2025-06-27)");
    }

    @Test
    void correctionOfRetractedStatementIsRejected() {
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire(),
                        new StatementRetracted(NEGOTIATION, "s-1", "ua", "ceasefire", "fake quote"))
                .when(new CorrectStatement(NEGOTIATION, "s-1", "c-1", TO_CONDITIONAL, "x", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("statement 's-1' is retracted and cannot be corrected");
    }

    @Test
    void retractionKeepsTheStatementInTheHistory() {
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire())
                .when(new RetractStatement(NEGOTIATION, "s-1", "fake quote", RECORDED_AT))
                .expectEvents(new StatementRetracted(NEGOTIATION, "s-1", "ua", "ceasefire", "fake quote"));
    }

    @Test
    void repeatedRetractionIsANoOp() {
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire(),
                        new StatementRetracted(NEGOTIATION, "s-1", "ua", "ceasefire", "fake quote"))
                .when(new RetractStatement(NEGOTIATION, "s-1", "fake quote", RECORDED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void retractingARetractedStatementForAnotherReasonIsRejected() {
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire(),
                        new StatementRetracted(NEGOTIATION, "s-1", "ua", "ceasefire", "fake quote"))
                .when(new RetractStatement(NEGOTIATION, "s-1", "duplicate", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("statement 's-1' is retracted and cannot be retracted again");
    }

    @Test
    void retractionOfUnknownStatementIsRejected() {
        fixture.given(istanbul())
                .when(new RetractStatement(NEGOTIATION, "s-9", "x", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("statement 's-9' does not exist in negotiation 'ru-ua-2025'");
    }

    @Test
    void aQuoteFoundFabricatedAfterTheClosureIsStillRetractedWithItsReason() {
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire(),
                        closedOn("2025-06-27"))
                .when(new RetractStatement(NEGOTIATION, "s-1", "the quote was fabricated",
                        Instant.parse("2025-06-28T00:00:00Z")))
                .expectEvents(new StatementRetracted(NEGOTIATION, "s-1", "ua", "ceasefire",
                        "the quote was fabricated"));
        fixture.given(istanbul())
                .andGiven(umerovOnCeasefire(),
                        closedOn("2025-06-27"))
                .when(statement("s-2", "ua", "umerov", "ceasefire", day("2025-06-20")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(closedRefusal("2025-06-27"));
    }
}
