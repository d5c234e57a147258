package org.negotiationledger.core.negotiation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.AddTopic;
import org.negotiationledger.core.api.CloseNegotiation;
import org.negotiationledger.core.api.DelegateRegistered;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.NegotiationOpened;
import org.negotiationledger.core.api.OpenNegotiation;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.RegisterDelegate;
import org.negotiationledger.core.api.RegisterParty;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.TopicAdded;

import static org.negotiationledger.core.negotiation.Given.NEGOTIATION;
import static org.negotiationledger.core.negotiation.Given.OPENED_ON;
import static org.negotiationledger.core.negotiation.Given.RECORDED_AT;
import static org.negotiationledger.core.negotiation.Given.closedRefusal;
import static org.negotiationledger.core.negotiation.Given.day;
import static org.negotiationledger.core.negotiation.Given.istanbul;
import static org.negotiationledger.core.negotiation.Given.opened;
import static org.negotiationledger.core.negotiation.Given.party;

/** Opening and closing a negotiation, and registering its parties, delegates and topics. */
class NegotiationSetupTest {

    private FixtureConfiguration<Negotiation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Negotiation.class);
    }

    private static OpenNegotiation open(String title) {
        return new OpenNegotiation(NEGOTIATION, title, "Istanbul rounds", OPENED_ON, RECORDED_AT);
    }

    @Test
    void openingANegotiationStartsItsStream() {
        fixture.givenNoPriorActivity()
                .when(open("Russia–Ukraine talks 2025"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NegotiationOpened(NEGOTIATION, "Russia–Ukraine talks 2025", "Istanbul rounds",
                        OPENED_ON));
    }

    @Test
    void openingTheSameNegotiationAgainIsANoOp() {
        fixture.given(opened())
                .when(open("Russia–Ukraine talks 2025"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void openingAnExistingIdWithOtherContentIsAConflict() {
        fixture.given(opened())
                .when(open("Another title"))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("negotiation 'ru-ua-2025' already exists with other content");
    }

    @Test
    void openingInTheFutureIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new OpenNegotiation(NEGOTIATION, "t", null, day("2025-07-01"), RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-07-01 of the opening date is after the day it is recorded "
                        + "(2025-06-27)");
    }

    @Test
    void aDateThatIsAlreadyTodayEastOfGreenwichIsNotInTheFuture() {
        // 2025-06-27T12:00Z is already 28 June in Kiribati (UTC+14).
        fixture.givenNoPriorActivity()
                .when(new OpenNegotiation(NEGOTIATION, "t", null, day("2025-06-28"),
                        java.time.Instant.parse("2025-06-27T12:00:00Z")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NegotiationOpened(NEGOTIATION, "t", null, day("2025-06-28")));
    }

    @Test
    void registeringAPartyAppendsIt() {
        fixture.given(opened())
                .when(new RegisterParty(NEGOTIATION, "tr", "Turkey", PartyRole.MEDIATOR, RECORDED_AT))
                .expectEvents(new PartyRegistered(NEGOTIATION, "tr", "Turkey", PartyRole.MEDIATOR));
    }

    @Test
    void registeringTheSamePartyAgainIsANoOp() {
        fixture.given(opened(), party("ua", PartyRole.PARTY))
                .when(new RegisterParty(NEGOTIATION, "ua", "UA", PartyRole.PARTY, RECORDED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reusingAPartyIdWithOtherContentIsAConflict() {
        fixture.given(opened(), party("ua", PartyRole.PARTY))
                .when(new RegisterParty(NEGOTIATION, "ua", "Ukraine", PartyRole.OBSERVER, RECORDED_AT))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("party 'ua' already exists in negotiation 'ru-ua-2025' with other content");
    }

    @Test
    void registeringADelegateForHisParty() {
        fixture.given(opened(), party("ua", PartyRole.PARTY))
                .when(new RegisterDelegate(NEGOTIATION, "umerov", "Rustem Umerov", "ua", "Minister of Defence",
                        RECORDED_AT))
                .expectEvents(new DelegateRegistered(NEGOTIATION, "umerov", "Rustem Umerov", "ua",
                        "Minister of Defence"));
    }

    @Test
    void delegateOfUnregisteredPartyIsRejected() {
        fixture.given(opened())
                .when(new RegisterDelegate(NEGOTIATION, "umerov", "Rustem Umerov", "ua", null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("party 'ua' is not registered in negotiation 'ru-ua-2025'");
    }

    @Test
    void addingATopic() {
        fixture.given(opened())
                .when(new AddTopic(NEGOTIATION, "ceasefire", "Ceasefire", "a long ceasefire", RECORDED_AT))
                .expectEvents(new TopicAdded(NEGOTIATION, "ceasefire", "Ceasefire", "a long ceasefire"));
    }

    @Test
    void addingTheSameTopicAgainIsANoOpAndOtherContentIsAConflict() {
        fixture.given(opened(), Given.topic("ceasefire"))
                .when(new AddTopic(NEGOTIATION, "ceasefire", "ceasefire", null, RECORDED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(), Given.topic("ceasefire"))
                .when(new AddTopic(NEGOTIATION, "ceasefire", "Truce", null, RECORDED_AT))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("topic 'ceasefire' already exists in negotiation 'ru-ua-2025' with other "
                        + "content");
    }

    @Test
    void closingANegotiationRecordsItsOutcome() {
        fixture.given(istanbul())
                .when(new CloseNegotiation(NEGOTIATION, Outcome.SUSPENDED, day("2025-06-27"), "no further rounds",
                        RECORDED_AT))
                .expectEvents(new NegotiationClosed(NEGOTIATION, Outcome.SUSPENDED, day("2025-06-27"),
                        "no further rounds"));
    }

    @Test
    void closingTwiceTheSameWayIsANoOp() {
        fixture.given(istanbul())
                .andGiven(new NegotiationClosed(NEGOTIATION, Outcome.SUSPENDED, day("2025-06-27"), "s"))
                .when(new CloseNegotiation(NEGOTIATION, Outcome.SUSPENDED, day("2025-06-27"), "s", RECORDED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void closingBeforeTheOpeningIsRejected() {
        fixture.given(istanbul())
                .when(new CloseNegotiation(NEGOTIATION, Outcome.COLLAPSED, day("2025-05-01"), null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-01 of the closure is before the negotiation opened on "
                        + "2025-05-16");
    }

    @Test
    void closedNegotiationAcceptsNoNewRecords() {
        fixture.given(istanbul())
                .andGiven(new NegotiationClosed(NEGOTIATION, Outcome.AGREEMENT, day("2025-06-20"), null))
                .when(new RegisterParty(NEGOTIATION, "us", "United States", PartyRole.OBSERVER, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(closedRefusal("2025-06-20"));
    }

    @Test
    void closingAClosedNegotiationDifferentlyIsRejected() {
        fixture.given(istanbul())
                .andGiven(new NegotiationClosed(NEGOTIATION, Outcome.AGREEMENT, day("2025-06-20"), null))
                .when(new CloseNegotiation(NEGOTIATION, Outcome.COLLAPSED, day("2025-06-21"), null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(closedRefusal("2025-06-20"));
    }
}
