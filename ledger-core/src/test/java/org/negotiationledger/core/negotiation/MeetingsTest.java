package org.negotiationledger.core.negotiation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.CorroborateMeeting;
import org.negotiationledger.core.api.CorroborationRetracted;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.MeetingCorroborated;
import org.negotiationledger.core.api.MeetingFormat;
import org.negotiationledger.core.api.MeetingHeld;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.core.api.MeetingRetracted;
import org.negotiationledger.core.api.RecordMeeting;
import org.negotiationledger.core.api.RecordStatement;
import org.negotiationledger.core.api.RetractCorroboration;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.negotiationledger.core.negotiation.Given.NEGOTIATION;
import static org.negotiationledger.core.negotiation.Given.RECORDED_AT;
import static org.negotiationledger.core.negotiation.Given.closedOn;
import static org.negotiationledger.core.negotiation.Given.day;
import static org.negotiationledger.core.negotiation.Given.firstRound;
import static org.negotiationledger.core.negotiation.Given.istanbul;

/** Rounds of talks: who met, where, at what level, led by whom, with which mediator. */
class MeetingsTest {

    private FixtureConfiguration<Negotiation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Negotiation.class);
    }

    private static RecordMeeting meeting(String id, LocalDate heldOn, List<String> partyIds,
                                         List<String> mediatorIds, Map<String, String> heads, List<String> topicIds) {
        return new RecordMeeting(NEGOTIATION, id, heldOn, "Istanbul", MeetingLevel.DELEGATIONS, partyIds,
                mediatorIds, heads, topicIds, "first direct talks in three years", RECORDED_AT);
    }

    private static RecordMeeting firstRoundCommand() {
        return meeting("istanbul-1", day("2025-05-16"), List.of("ua", "ru"), List.of("tr"),
                Map.of("ua", "umerov", "ru", "medinsky"), List.of("ceasefire", "prisoner-exchange"));
    }

    @Test
    void mediatedMeetingOfTwoDelegationsIsRecorded() {
        fixture.given(istanbul())
                .when(firstRoundCommand())
                .expectSuccessfulHandlerExecution()
                .expectEvents(firstRound());
    }

    @Test
    void repeatedMeetingIsANoOp() {
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(firstRoundCommand())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void meetingIdReusedWithOtherContentIsAConflict() {
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(meeting("istanbul-1", day("2025-06-02"), List.of("ua", "ru"), List.of("tr"), Map.of(),
                        List.of()))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("meeting 'istanbul-1' already exists in negotiation 'ru-ua-2025' with other "
                        + "content");
    }

    @Test
    void meetingWithUnregisteredPartyIsRejected() {
        fixture.given(istanbul())
                .when(meeting("m", day("2025-06-02"), List.of("ua", "us"), List.of(), Map.of(), List.of()))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("party 'us' is not registered in negotiation 'ru-ua-2025'");
    }

    @Test
    void meetingWithUnregisteredMediatorIsRejected() {
        fixture.given(istanbul())
                .when(meeting("m", day("2025-06-02"), List.of("ua", "ru"), List.of("va"), Map.of(), List.of()))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("party 'va' is not registered in negotiation 'ru-ua-2025'");
    }

    @Test
    void meetingOnUnregisteredTopicIsRejected() {
        fixture.given(istanbul())
                .when(meeting("m", day("2025-06-02"), List.of("ua", "ru"), List.of(), Map.of(),
                        List.of("sanctions")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("topic 'sanctions' is not registered in negotiation 'ru-ua-2025'");
    }

    @Test
    void headOfDelegationMustSpeakForHisParty() {
        fixture.given(istanbul())
                .when(meeting("m", day("2025-06-02"), List.of("ua", "ru"), List.of(), Map.of("ru", "umerov"),
                        List.of()))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("delegate 'umerov' speaks for party 'ua', not for 'ru'");
    }

    @Test
    void headOfAPartyNotAtTheMeetingIsRejected() {
        fixture.given(istanbul())
                .when(meeting("m", day("2025-06-02"), List.of("ua", "tr"), List.of(), Map.of("ru", "medinsky"),
                        List.of()))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("meeting 'm' names a head for party 'ru', which is not among its parties "
                        + "or mediators");
    }

    @Test
    void meetingInTheFutureIsRejected() {
        fixture.given(istanbul())
                .when(meeting("m", day("2025-07-14"), List.of("ua", "ru"), List.of(), Map.of(), List.of()))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-07-14 of meeting 'm' is after the day it is recorded "
                        + "(2025-06-27)");
    }

    private static final Source TASS = new Source("TASS", "Delegations met in Istanbul",
            "https://tass.ru/politika/24012345", day("2025-05-16"), "ru", null);

    private static CorroborateMeeting corroborate(String id, Source... sources) {
        return new CorroborateMeeting(NEGOTIATION, "istanbul-1", id, List.of(sources), null, RECORDED_AT);
    }

    private static MeetingCorroborated corroborated(String id, Source... sources) {
        return new MeetingCorroborated(NEGOTIATION, "istanbul-1", id, List.of("ua", "ru", "tr"), List.of(sources),
                null);
    }

    @Test
    void aReportFoundLaterCorroboratesAMeetingEvenAfterTheClosureAndOnceOnly() {
        fixture.given(istanbul())
                .andGiven(firstRound(), closedOn("2025-06-20"))
                .when(corroborate("tass", TASS))
                .expectEvents(corroborated("tass", TASS));
        fixture.given(istanbul())
                .andGiven(firstRound(), corroborated("tass", TASS))
                .when(corroborate("tass", TASS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(firstRound(), corroborated("tass", TASS))
                .when(corroborate("tass", Given.ARTICLE))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("corroboration 'tass' of meeting 'istanbul-1' already exists with other "
                        + "content");
    }

    @Test
    void aCorroborationNeedsAReportPublishedNoEarlierThanTheMeetingOfARecordedMeetingStillStanding() {
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(corroborate("none"))
                .expectException(InvalidValueException.class);
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(corroborate("early", new Source("TASS", "t", "https://tass.ru/politika/1", day("2025-05-15"),
                        "ru", null)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-16 of meeting 'istanbul-1' is after its first source "
                        + "was published on 2025-05-15");
        fixture.given(istanbul())
                .when(new CorroborateMeeting(NEGOTIATION, "nowhere", "tass", List.of(TASS), null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("meeting 'nowhere' does not exist in negotiation 'ru-ua-2025'");
        fixture.given(istanbul())
                .andGiven(firstRound(), new MeetingRetracted(NEGOTIATION, "istanbul-1", List.of("ua", "ru", "tr"),
                        "another meeting"))
                .when(corroborate("tass", TASS))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("corroboration 'tass' names meeting 'istanbul-1', which is retracted");
    }

    @Test
    void aCorroborationIsRetractedWithItsReasonOnce() {
        RetractCorroboration retraction = new RetractCorroboration(NEGOTIATION, "istanbul-1", "tass",
                "describes another meeting", RECORDED_AT);
        CorroborationRetracted retracted = new CorroborationRetracted(NEGOTIATION, "istanbul-1", "tass",
                List.of("ua", "ru", "tr"), "describes another meeting");
        fixture.given(istanbul())
                .andGiven(firstRound(), corroborated("tass", TASS))
                .when(retraction)
                .expectEvents(retracted);
        fixture.given(istanbul())
                .andGiven(firstRound(), corroborated("tass", TASS), retracted)
                .when(retraction)
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(retraction)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("meeting 'istanbul-1' has no corroboration 'tass'");
    }

    @Test
    void aRoundOfSeveralDaysTakesRecordsOnEachOfItsDaysAndEndsAfterItBegins() {
        RecordMeeting twoDays = new RecordMeeting(NEGOTIATION, "geneva", day("2025-06-02"), "Geneva",
                MeetingLevel.DELEGATIONS, List.of("ua", "ru"), List.of(), Map.of(), List.of(), "two days", null,
                List.of(), day("2025-06-03"), LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingFormat.HYBRID,
                RECORDED_AT);
        MeetingHeld held = new MeetingHeld(NEGOTIATION, "geneva", day("2025-06-02"), "Geneva",
                MeetingLevel.DELEGATIONS, List.of("ua", "ru"), List.of(), Map.of(), List.of(), "two days", null,
                List.of(), day("2025-06-03"), LocalTime.of(10, 0), LocalTime.of(12, 0), MeetingFormat.HYBRID);
        fixture.given(istanbul())
                .when(twoDays)
                .expectEvents(held);
        RecordStatement onTheSecondDay = new RecordStatement(NEGOTIATION, "s-geneva", "ua", null, "ceasefire",
                Stance.SUPPORTS, "a ceasefire", null, null, day("2025-06-03"), List.of(), null, "geneva", null,
                RECORDED_AT);
        fixture.given(istanbul())
                .andGiven(held)
                .when(onTheSecondDay)
                .expectSuccessfulHandlerExecution();
        fixture.given(istanbul())
                .andGiven(held)
                .when(new RecordStatement(NEGOTIATION, "s-later", "ua", null, "ceasefire", Stance.SUPPORTS, "later",
                        null, null, day("2025-06-04"), List.of(), null, "geneva", null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-06-04 of statement 's-later' is not a day of meeting 'geneva' "
                        + "(2025-06-02 to 2025-06-03)");
        fixture.given(istanbul())
                .when(new RecordMeeting(NEGOTIATION, "backwards", day("2025-06-02"), "Geneva",
                        MeetingLevel.DELEGATIONS, List.of("ua", "ru"), List.of(), Map.of(), List.of(), null, null,
                        List.of(), day("2025-06-01"), null, null, null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-06-01 of the end of meeting 'backwards' is before it began on "
                        + "2025-06-02");
        fixture.given(istanbul())
                .when(new RecordMeeting(NEGOTIATION, "hours", day("2025-06-02"), "Geneva", MeetingLevel.DELEGATIONS,
                        List.of("ua", "ru"), List.of(), Map.of(), List.of(), null, null, List.of(), null,
                        LocalTime.of(15, 0), LocalTime.of(14, 0), null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("meeting 'hours' ends at 14:00, not after it begins at 15:00");
    }
}
