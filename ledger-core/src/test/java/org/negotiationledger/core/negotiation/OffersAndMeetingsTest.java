package org.negotiationledger.core.negotiation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.CorrectStatement;
import org.negotiationledger.core.api.MeetingRetracted;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.RecordStatement;
import org.negotiationledger.core.api.RetractMeeting;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementChanges;
import org.negotiationledger.core.api.StatementRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.negotiationledger.core.negotiation.Given.ARTICLE;
import static org.negotiationledger.core.negotiation.Given.NEGOTIATION;
import static org.negotiationledger.core.negotiation.Given.OPENED_ON;
import static org.negotiationledger.core.negotiation.Given.RECORDED_AT;
import static org.negotiationledger.core.negotiation.Given.day;
import static org.negotiationledger.core.negotiation.Given.firstRound;
import static org.negotiationledger.core.negotiation.Given.istanbul;

/** Statements made at meetings, offers with ranges, proposals with a deadline. */
class OffersAndMeetingsTest {

    private static final Offer A_DAY_OR_TWO = Offer.range(new BigDecimal("24"), new BigDecimal("48"), "hours");

    private FixtureConfiguration<Negotiation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Negotiation.class);
    }

    private static RecordStatement proposal(Offer offer, LocalDate effectiveOn, String meetingId,
                                            LocalDate validUntil) {
        return new RecordStatement(NEGOTIATION, "s-1", "ru", "medinsky", "ceasefire", Stance.PROPOSES,
                "a ceasefire of 24 to 48 hours to collect the bodies", null, offer, effectiveOn, List.of(ARTICLE), null,
                meetingId, validUntil, RECORDED_AT);
    }

    @Test
    void aStatementMadeAtAMeetingTakesTheMeetingsDay() {
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(proposal(A_DAY_OR_TWO, null, "istanbul-1", null))
                .expectEvents(new StatementRecorded(NEGOTIATION, "s-1", "ru", "medinsky", "ceasefire", Stance.PROPOSES,
                        "a ceasefire of 24 to 48 hours to collect the bodies", null, A_DAY_OR_TWO, OPENED_ON, List.of(ARTICLE),
                        null, "istanbul-1", null));
    }

    @Test
    void aRetractedMeetingStaysRetractedAndNothingNewIsRecordedAtIt() {
        MeetingRetracted retracted = new MeetingRetracted(NEGOTIATION, "istanbul-1", List.of("ua", "ru", "tr"),
                "machine-coded from wrong reports");
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(new RetractMeeting(NEGOTIATION, "istanbul-1", "machine-coded from wrong reports", RECORDED_AT))
                .expectEvents(retracted);
        fixture.given(istanbul())
                .andGiven(firstRound(), retracted)
                .when(new RetractMeeting(NEGOTIATION, "istanbul-1", "machine-coded from wrong reports", RECORDED_AT))
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(firstRound(), retracted)
                .when(new RetractMeeting(NEGOTIATION, "istanbul-1", "another reason", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("meeting 'istanbul-1' is retracted and cannot be retracted again");
        fixture.given(istanbul())
                .andGiven(firstRound(), retracted)
                .when(proposal(A_DAY_OR_TWO, null, "istanbul-1", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("statement 's-1' names meeting 'istanbul-1', which is retracted");
    }

    @Test
    void aStatementAtAMeetingOnAnotherDayOrAnUnknownMeetingIsRefused() {
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(proposal(null, day("2025-05-20"), "istanbul-1", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-20 of statement 's-1' is not the day of meeting "
                        + "'istanbul-1' (2025-05-16)");
        fixture.given(istanbul())
                .when(proposal(null, null, "istanbul-9", null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("meeting 'istanbul-9' does not exist in negotiation 'ru-ua-2025'");
        fixture.given(istanbul())
                .when(proposal(null, null, null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("statement 's-1' needs effectiveOn or the meetingId of a recorded meeting, "
                        + "whose day it then takes");
    }

    @Test
    void aRangedProposalWithADeadlineIsRecorded() {
        fixture.given(istanbul())
                .when(proposal(A_DAY_OR_TWO, day("2025-06-02"), null, day("2025-08-31")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StatementRecorded(NEGOTIATION, "s-1", "ru", "medinsky", "ceasefire",
                        Stance.PROPOSES, "a ceasefire of 24 to 48 hours to collect the bodies", null, A_DAY_OR_TWO,
                        day("2025-06-02"), List.of(ARTICLE), null, null, day("2025-08-31")));
    }

    @Test
    void anOfferIsAValueOrARangeFromLowToHigh() {
        fixture.given(istanbul())
                .when(proposal(new Offer(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN, "hours"), day("2025-06-02"),
                        null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the offer of statement 's-1' must have either a value or both min and max");
        fixture.given(istanbul())
                .when(proposal(Offer.range(new BigDecimal("48"), new BigDecimal("24"), "hours"), day("2025-06-02"),
                        null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the offer of statement 's-1' has min 48 above max 24");
        fixture.given(istanbul())
                .when(proposal(new Offer(null, BigDecimal.ONE, null, "hours"), day("2025-06-02"), null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the offer of statement 's-1' must have either a value or both min and max");
    }

    @Test
    void aProposalCannotLapseBeforeItWasMade() {
        fixture.given(istanbul())
                .when(proposal(A_DAY_OR_TWO, day("2025-06-02"), null, day("2025-06-01")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the proposal of statement 's-1' would lapse on 2025-06-01, before it was "
                        + "made on 2025-06-02");
        fixture.given(istanbul())
                .andGiven(new StatementRecorded(NEGOTIATION, "s-1", "ru", "medinsky", "ceasefire", Stance.PROPOSES,
                        "x", null, A_DAY_OR_TWO, day("2025-06-02"), List.of(ARTICLE), null, null, day("2025-06-10")))
                .when(new CorrectStatement(NEGOTIATION, "s-1", "c-1",
                        new StatementChanges(null, null, null, null, day("2025-06-12")), "said later", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the proposal of the correction of statement 's-1' would lapse on "
                        + "2025-06-10, before it was made on 2025-06-12");
    }

    @Test
    void aCorrectionCannotMoveAStatementMadeAtAMeetingOffTheMeetingsDay() {
        fixture.given(istanbul())
                .andGiven(firstRound(), new StatementRecorded(NEGOTIATION, "s-1", "ru", "medinsky", "ceasefire",
                        Stance.PROPOSES, "x", null, null, OPENED_ON, List.of(ARTICLE), null, "istanbul-1", null))
                .when(new CorrectStatement(NEGOTIATION, "s-1", "c-1",
                        new StatementChanges(null, null, null, null, day("2025-05-17")), "wrong day", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-17 of the correction of statement 's-1' is not the day of "
                        + "meeting 'istanbul-1' (2025-05-16)");
    }
}
