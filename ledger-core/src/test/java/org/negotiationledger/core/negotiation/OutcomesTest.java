package org.negotiationledger.core.negotiation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.LedgerException;
import org.negotiationledger.core.api.RetractOutcome;
import org.negotiationledger.core.api.OutcomeRetracted;
import org.negotiationledger.core.api.OutcomeRecorded;
import org.negotiationledger.core.api.OutcomeStatus;
import org.negotiationledger.core.api.OutcomeStatusRecorded;
import org.negotiationledger.core.api.RecordOutcome;
import org.negotiationledger.core.api.RecordOutcomeStatus;
import org.negotiationledger.core.api.RuleViolationException;

import java.time.LocalDate;
import java.util.List;

import static org.negotiationledger.core.negotiation.Given.ARTICLE;
import static org.negotiationledger.core.negotiation.Given.NEGOTIATION;
import static org.negotiationledger.core.negotiation.Given.OPENED_ON;
import static org.negotiationledger.core.negotiation.Given.RECORDED_AT;
import static org.negotiationledger.core.negotiation.Given.day;
import static org.negotiationledger.core.negotiation.Given.firstRound;
import static org.negotiationledger.core.negotiation.Given.istanbul;

/** Agreements and disagreements on any topic, and what became of an agreement. */
class OutcomesTest {

    private FixtureConfiguration<Negotiation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Negotiation.class);
    }

    private static RecordOutcome outcome(String id, OutcomeKind kind, String meetingId, LocalDate reachedOn) {
        return new RecordOutcome(NEGOTIATION, id, kind, List.of("ceasefire"), List.of("ua", "ru"),
                "no agreement on a ceasefire", reachedOn, meetingId, List.of(ARTICLE), RECORDED_AT);
    }

    private static OutcomeRecorded recorded(String id, OutcomeKind kind, String meetingId, LocalDate reachedOn) {
        return new OutcomeRecorded(NEGOTIATION, id, kind, List.of("ceasefire"), List.of("ua", "ru"),
                "no agreement on a ceasefire", reachedOn, meetingId, List.of(ARTICLE));
    }

    @Test
    void theSidesDidNotAgreeOnACeasefireAtTheFirstMeeting() {
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(outcome("no-ceasefire", OutcomeKind.NOT_AGREED, "istanbul-1", null))
                .expectEvents(recorded("no-ceasefire", OutcomeKind.NOT_AGREED, "istanbul-1", OPENED_ON));
    }

    @Test
    void anOutcomeRecordedAgainIsARepeatAndWithOtherContentAConflict() {
        fixture.given(istanbul())
                .andGiven(recorded("no-ceasefire", OutcomeKind.NOT_AGREED, null, OPENED_ON))
                .when(outcome("no-ceasefire", OutcomeKind.NOT_AGREED, null, OPENED_ON))
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(recorded("no-ceasefire", OutcomeKind.NOT_AGREED, null, OPENED_ON))
                .when(outcome("no-ceasefire", OutcomeKind.AGREED, null, OPENED_ON))
                .expectException(IdConflictException.class);
    }

    @Test
    void anOutcomeAtAMeetingHasTheMeetingsDay() {
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(outcome("no-ceasefire", OutcomeKind.NOT_AGREED, "istanbul-1", day("2025-05-17")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-17 of outcome 'no-ceasefire' is not the day of meeting "
                        + "'istanbul-1' (2025-05-16)");
    }

    @Test
    void anOutcomeNeedsADayAndTwoPartiesAndRegisteredTopics() {
        fixture.given(istanbul())
                .when(outcome("o-1", OutcomeKind.AGREED, null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("outcome 'o-1' needs reachedOn or the meetingId of a recorded meeting, "
                        + "whose day it then takes");
        fixture.given(istanbul())
                .when(new RecordOutcome(NEGOTIATION, "o-1", OutcomeKind.AGREED, List.of("ceasefire"),
                        List.of("ua"), "x", OPENED_ON, null, null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("outcome 'o-1' must name at least two distinct parties, got [ua]");
        fixture.given(istanbul())
                .when(new RecordOutcome(NEGOTIATION, "o-1", OutcomeKind.AGREED, List.of("grain"),
                        List.of("ua", "ru"), "x", OPENED_ON, null, null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("topic 'grain' is not registered in negotiation 'ru-ua-2025'");
    }

    @Test
    void whatBecameOfAnAgreementIsRecordedFromADay() {
        OutcomeRecorded agreed = recorded("truce", OutcomeKind.AGREED, null, OPENED_ON);
        OutcomeStatusRecorded violated = new OutcomeStatusRecorded(NEGOTIATION, "truce", OutcomeStatus.VIOLATED,
                day("2025-06-01"), "shelling resumed");
        fixture.given(istanbul())
                .andGiven(agreed)
                .when(new RecordOutcomeStatus(NEGOTIATION, "truce", OutcomeStatus.VIOLATED, day("2025-06-01"),
                        "shelling resumed", RECORDED_AT))
                .expectEvents(violated);
        fixture.given(istanbul())
                .andGiven(agreed, violated)
                .when(new RecordOutcomeStatus(NEGOTIATION, "truce", OutcomeStatus.VIOLATED, day("2025-06-01"),
                        "shelling resumed", RECORDED_AT))
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(agreed)
                .when(new RecordOutcomeStatus(NEGOTIATION, "truce", OutcomeStatus.IMPLEMENTED, day("2025-05-15"),
                        null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-15 of the status of outcome 'truce' from 2025-05-15 is "
                        + "before the negotiation opened on 2025-05-16");
    }

    @Test
    void nothingBecomesOfANonAgreement() {
        fixture.given(istanbul())
                .andGiven(recorded("no-ceasefire", OutcomeKind.NOT_AGREED, null, OPENED_ON))
                .when(new RecordOutcomeStatus(NEGOTIATION, "no-ceasefire", OutcomeStatus.ABANDONED, OPENED_ON, null,
                        RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("outcome 'no-ceasefire' records no agreement, so nothing can become of it");
    }

    @Test
    void aRetractedOutcomeStaysRetractedAndNothingMoreBecomesOfIt() {
        OutcomeRecorded agreed = recorded("truce", OutcomeKind.AGREED, null, OPENED_ON);
        OutcomeRetracted retracted = new OutcomeRetracted(NEGOTIATION, "truce", agreed.partyIds(),
                "the report was false");
        fixture.given(istanbul())
                .andGiven(agreed)
                .when(new RetractOutcome(NEGOTIATION, "truce", "the report was false", RECORDED_AT))
                .expectEvents(retracted);
        fixture.given(istanbul())
                .andGiven(agreed, retracted)
                .when(new RetractOutcome(NEGOTIATION, "truce", "the report was false", RECORDED_AT))
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(agreed, retracted)
                .when(new RetractOutcome(NEGOTIATION, "truce", "another reason", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("outcome 'truce' is retracted and cannot be retracted again");
        fixture.given(istanbul())
                .andGiven(agreed, retracted)
                .when(new RecordOutcomeStatus(NEGOTIATION, "truce", OutcomeStatus.VIOLATED, day("2025-06-01"),
                        "shelling resumed", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("outcome 'truce' is retracted and nothing more can become of it");
    }

    @Test
    void anOutcomeNotRecordedCannotBeRetracted() {
        fixture.given(istanbul())
                .when(new RetractOutcome(NEGOTIATION, "truce", "false", RECORDED_AT))
                .expectException(LedgerException.class);
    }
}
