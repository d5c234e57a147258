package org.negotiationledger.core.negotiation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.AgreementSigned;
import org.negotiationledger.core.api.AgreementStage;
import org.negotiationledger.core.api.CloseNegotiation;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.IdConflictException;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.OutcomeStatus;
import org.negotiationledger.core.api.OutcomeStatusRecorded;
import org.negotiationledger.core.api.Provision;
import org.negotiationledger.core.api.RecordOutcomeStatus;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.SignAgreement;
import org.negotiationledger.core.api.Signatory;

import java.util.List;

import static org.negotiationledger.core.negotiation.Given.ARTICLE;
import static org.negotiationledger.core.negotiation.Given.NEGOTIATION;
import static org.negotiationledger.core.negotiation.Given.OPENED_ON;
import static org.negotiationledger.core.negotiation.Given.RECORDED_AT;
import static org.negotiationledger.core.negotiation.Given.agreed;
import static org.negotiationledger.core.negotiation.Given.closedOn;
import static org.negotiationledger.core.negotiation.Given.closedRefusal;
import static org.negotiationledger.core.negotiation.Given.day;
import static org.negotiationledger.core.negotiation.Given.firstRound;
import static org.negotiationledger.core.negotiation.Given.istanbul;
import static org.negotiationledger.core.negotiation.Given.thousandForThousand;

/** Agreements as documents: signatories, stage and provisions; an outcome on each topic; exchanges agreed by them. */
class AgreementsTest {

    private static final List<Signatory> SIGNATORIES = List.of(new Signatory("ua", "umerov"),
            new Signatory("ru", "medinsky"));
    private static final List<Provision> PROVISIONS = List.of(
            new Provision("prisoner-exchange", "prisoner release", "1000 for 1000", "pow-1"),
            new Provision("ceasefire", "ceasefire", "each side sets out its vision of a ceasefire", null));

    private FixtureConfiguration<Negotiation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Negotiation.class);
    }

    private static SignAgreement sign(String id, List<Signatory> signatories, List<Provision> provisions) {
        return new SignAgreement(NEGOTIATION, id, "Istanbul understandings", OPENED_ON, AgreementStage.PRE_NEGOTIATION,
                signatories, provisions, "istanbul-1", List.of(ARTICLE), RECORDED_AT);
    }

    private static AgreementSigned signed(String id) {
        return new AgreementSigned(NEGOTIATION, id, "Istanbul understandings", OPENED_ON,
                AgreementStage.PRE_NEGOTIATION, SIGNATORIES, PROVISIONS, "istanbul-1", List.of(ARTICLE));
    }

    @Test
    void anAgreementAgreesTheExchangeItProvidesForInTheSameEntry() {
        fixture.given(istanbul())
                .andGiven(firstRound(), thousandForThousand())
                .when(sign("istanbul-1-understandings", SIGNATORIES, PROVISIONS))
                .expectEvents(new ExchangeAgreed(NEGOTIATION, "pow-1", List.of("ua", "ru"), OPENED_ON, "istanbul-1",
                        List.of(ARTICLE)), signed("istanbul-1-understandings"));
    }

    @Test
    void anExchangeAgreedBeforeIsOnlyNamedAndTheSameAgreementAgainIsARepeat() {
        fixture.given(istanbul())
                .andGiven(firstRound(), thousandForThousand(), agreed("pow-1", OPENED_ON, "ua", "ru"))
                .when(sign("istanbul-1-understandings", SIGNATORIES, PROVISIONS))
                .expectEvents(signed("istanbul-1-understandings"));
        fixture.given(istanbul())
                .andGiven(firstRound(), thousandForThousand(), agreed("pow-1", OPENED_ON, "ua", "ru"),
                        signed("istanbul-1-understandings"))
                .when(sign("istanbul-1-understandings", SIGNATORIES, PROVISIONS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(istanbul())
                .andGiven(firstRound(), thousandForThousand(), signed("istanbul-1-understandings"))
                .when(sign("istanbul-1-understandings", SIGNATORIES, PROVISIONS.subList(1, 2)))
                .expectException(IdConflictException.class);
    }

    @Test
    void whatBecameOfAnAgreementIsRecordedAsOfAnyOutcome() {
        fixture.given(istanbul())
                .andGiven(firstRound(), thousandForThousand(), signed("istanbul-1-understandings"))
                .when(new RecordOutcomeStatus(NEGOTIATION, "istanbul-1-understandings", OutcomeStatus.IMPLEMENTED,
                        day("2025-05-25"), "the exchange was carried out", List.of(ARTICLE), RECORDED_AT))
                .expectEvents(new OutcomeStatusRecorded(NEGOTIATION, "istanbul-1-understandings",
                        OutcomeStatus.IMPLEMENTED, day("2025-05-25"), "the exchange was carried out",
                        List.of(ARTICLE)));
    }

    @Test
    void anAgreementNeedsTwoSignatoryPartiesTheirOwnDelegatesRegisteredTopicsAndAnOpenNegotiation() {
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(sign("a", List.of(new Signatory("ua", "umerov"), new Signatory("ua", "zelensky")),
                        PROVISIONS.subList(1, 2)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("agreement 'a' must be signed by at least two distinct parties, got [ua]");
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(sign("a", List.of(new Signatory("ua", "medinsky"), new Signatory("ru", null)),
                        PROVISIONS.subList(1, 2)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("delegate 'medinsky' speaks for party 'ru', not for 'ua'");
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(sign("a", SIGNATORIES, List.of()))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("agreement 'a' must provide for at least one topic");
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(sign("a", SIGNATORIES, List.of(new Provision("sanctions", null, "lifted", null))))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("topic 'sanctions' is not registered in negotiation 'ru-ua-2025'");
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(sign("a", SIGNATORIES, PROVISIONS))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("exchange 'pow-1' does not exist in negotiation 'ru-ua-2025'");
        fixture.given(istanbul())
                .andGiven(firstRound(), closedOn("2025-06-20"))
                .when(sign("a", SIGNATORIES, PROVISIONS.subList(1, 2)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(closedRefusal("2025-06-20"));
    }

    @Test
    void aNegotiationClosesWithTheAgreementItEndedWith() {
        fixture.given(istanbul())
                .andGiven(firstRound(), thousandForThousand(), signed("istanbul-1-understandings"))
                .when(new CloseNegotiation(NEGOTIATION, Outcome.AGREEMENT, day("2025-06-20"), "signed",
                        "istanbul-1-understandings", RECORDED_AT))
                .expectEvents(new NegotiationClosed(NEGOTIATION, Outcome.AGREEMENT, day("2025-06-20"), "signed",
                        "istanbul-1-understandings"));
        fixture.given(istanbul())
                .andGiven(firstRound(), thousandForThousand(), signed("istanbul-1-understandings"))
                .when(new CloseNegotiation(NEGOTIATION, Outcome.SUSPENDED, day("2025-06-20"), null,
                        "istanbul-1-understandings", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the closure of negotiation 'ru-ua-2025' names agreement "
                        + "'istanbul-1-understandings' but ends SUSPENDED, not AGREEMENT");
        fixture.given(istanbul())
                .andGiven(firstRound())
                .when(new CloseNegotiation(NEGOTIATION, Outcome.AGREEMENT, day("2025-06-20"), null, "nothing",
                        RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the closure of negotiation 'ru-ua-2025' names agreement 'nothing', which is "
                        + "not an agreement signed in it");
    }
}
