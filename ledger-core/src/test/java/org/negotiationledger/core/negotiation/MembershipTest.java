package org.negotiationledger.core.negotiation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.ChangeDelegateTitle;
import org.negotiationledger.core.api.ChangePartyRole;
import org.negotiationledger.core.api.DelegateTitleChanged;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.PartyLeft;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.PartyRoleChanged;
import org.negotiationledger.core.api.RecordPartyLeaving;
import org.negotiationledger.core.api.RegisterParty;
import org.negotiationledger.core.api.RuleViolationException;

import static org.negotiationledger.core.negotiation.Given.NEGOTIATION;
import static org.negotiationledger.core.negotiation.Given.RECORDED_AT;
import static org.negotiationledger.core.negotiation.Given.day;
import static org.negotiationledger.core.negotiation.Given.istanbul;

/** Parties that join late and leave, delegates whose titles change. */
class MembershipTest {

    private FixtureConfiguration<Negotiation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Negotiation.class);
    }

    @Test
    void aMediatorJoinsOnTheDayItJoined() {
        fixture.given(istanbul())
                .when(new RegisterParty(NEGOTIATION, "va", "Vatican", PartyRole.MEDIATOR, day("2025-06-01"),
                        RECORDED_AT))
                .expectEvents(new PartyRegistered(NEGOTIATION, "va", "Vatican", PartyRole.MEDIATOR,
                        day("2025-06-01")));
        fixture.given(istanbul())
                .when(new RegisterParty(NEGOTIATION, "va", "Vatican", PartyRole.MEDIATOR, day("2025-05-01"),
                        RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-01 of the joining of party 'va' is before the negotiation "
                        + "opened on 2025-05-16");
    }

    @Test
    void aPartyLeavesOnceAndNotBeforeItJoined() {
        PartyRegistered joined = new PartyRegistered(NEGOTIATION, "va", "Vatican", PartyRole.MEDIATOR,
                day("2025-06-01"));
        PartyLeft left = new PartyLeft(NEGOTIATION, "va", day("2025-06-20"), "withdrew its offer");
        fixture.given(istanbul())
                .andGiven(joined)
                .when(new RecordPartyLeaving(NEGOTIATION, "va", day("2025-06-20"), "withdrew its offer", RECORDED_AT))
                .expectEvents(left);
        fixture.given(istanbul())
                .andGiven(joined, left)
                .when(new RecordPartyLeaving(NEGOTIATION, "va", day("2025-06-20"), "withdrew its offer", RECORDED_AT))
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(joined, left)
                .when(new RecordPartyLeaving(NEGOTIATION, "va", day("2025-06-21"), null, RECORDED_AT))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("party 'va' has already left negotiation 'ru-ua-2025' with other content");
        fixture.given(istanbul())
                .andGiven(joined)
                .when(new RecordPartyLeaving(NEGOTIATION, "va", day("2025-05-20"), null, RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-20 of the leaving of party 'va' is before it joined on "
                        + "2025-06-01");
    }

    @Test
    void aDelegatesTitleChangesOnADay() {
        DelegateTitleChanged changed = new DelegateTitleChanged(NEGOTIATION, "umerov", "ua",
                "Secretary of the National Security and Defence Council", day("2025-06-20"));
        fixture.given(istanbul())
                .when(new ChangeDelegateTitle(NEGOTIATION, "umerov",
                        "Secretary of the National Security and Defence Council", day("2025-06-20"), RECORDED_AT))
                .expectEvents(changed);
        fixture.given(istanbul())
                .andGiven(changed)
                .when(new ChangeDelegateTitle(NEGOTIATION, "umerov",
                        "Secretary of the National Security and Defence Council", day("2025-06-20"), RECORDED_AT))
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(changed)
                .when(new ChangeDelegateTitle(NEGOTIATION, "umerov", "Prime Minister", day("2025-06-20"),
                        RECORDED_AT))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("delegate 'umerov' already has another title from 2025-06-20");
        fixture.given(istanbul())
                .when(new ChangeDelegateTitle(NEGOTIATION, "nobody", "x", day("2025-06-20"), RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("delegate 'nobody' is not registered in negotiation 'ru-ua-2025'");
    }

    @Test
    void anObserverBecomesAMediatorOnADay() {
        PartyRoleChanged changed = new PartyRoleChanged(NEGOTIATION, "tr", PartyRole.OBSERVER, day("2025-06-20"));
        fixture.given(istanbul())
                .when(new ChangePartyRole(NEGOTIATION, "tr", PartyRole.OBSERVER, day("2025-06-20"), RECORDED_AT))
                .expectEvents(changed);
        fixture.given(istanbul())
                .andGiven(changed)
                .when(new ChangePartyRole(NEGOTIATION, "tr", PartyRole.OBSERVER, day("2025-06-20"), RECORDED_AT))
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(changed)
                .when(new ChangePartyRole(NEGOTIATION, "tr", PartyRole.PARTY, day("2025-06-20"), RECORDED_AT))
                .expectException(IdConflictException.class)
                .expectExceptionMessage("party 'tr' already has another role from 2025-06-20");
        fixture.given(istanbul())
                .andGiven(new PartyRegistered(NEGOTIATION, "va", "Vatican", PartyRole.MEDIATOR, day("2025-06-01")))
                .when(new ChangePartyRole(NEGOTIATION, "va", PartyRole.OBSERVER, day("2025-05-20"), RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-05-20 of the new role of party 'va' is before it joined on "
                        + "2025-06-01");
    }
}
