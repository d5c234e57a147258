package org.negotiationledger.core.negotiation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.AgreementSigned;
import org.negotiationledger.core.api.AgreementStage;
import org.negotiationledger.core.api.BodyCreated;
import org.negotiationledger.core.api.BodyDissolved;
import org.negotiationledger.core.api.BodyKind;
import org.negotiationledger.core.api.BodyMember;
import org.negotiationledger.core.api.CreateBody;
import org.negotiationledger.core.api.DissolveBody;
import org.negotiationledger.core.api.Provision;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.Signatory;

import java.time.LocalDate;
import java.util.List;

import static org.negotiationledger.core.negotiation.Given.ARTICLE;
import static org.negotiationledger.core.negotiation.Given.NEGOTIATION;
import static org.negotiationledger.core.negotiation.Given.RECORDED_AT;
import static org.negotiationledger.core.negotiation.Given.closedOn;
import static org.negotiationledger.core.negotiation.Given.day;
import static org.negotiationledger.core.negotiation.Given.istanbul;

/** Bodies the negotiation sets up, made by an agreement, and dissolved, after closure too. */
class BodiesTest {

    private static final List<BodyMember> MEMBERS = List.of(new BodyMember("ua", "umerov", "co-chair"),
            new BodyMember("ru", "medinsky", "co-chair"));
    private static final AgreementSigned MEMORANDUM = new AgreementSigned(NEGOTIATION, "memorandum", "Memoranda",
            day("2025-06-02"), AgreementStage.FRAMEWORK, List.of(new Signatory("ua", null), new Signatory("ru", null)),
            List.of(new Provision("prisoner-exchange", null, "a working group prepares the exchanges", null)), null,
            List.of(ARTICLE));

    private static CreateBody create(LocalDate createdOn, List<BodyMember> members, String agreementId) {
        return new CreateBody(NEGOTIATION, "pow-group", "Working group on prisoners", BodyKind.WORKING_GROUP,
                "prepares each exchange", createdOn, members, List.of("prisoner-exchange"), agreementId, null,
                List.of(ARTICLE), RECORDED_AT);
    }

    private static BodyCreated created() {
        return new BodyCreated(NEGOTIATION, "pow-group", "Working group on prisoners", BodyKind.WORKING_GROUP,
                "prepares each exchange", day("2025-06-03"), MEMBERS, List.of("prisoner-exchange"), "memorandum", null,
                List.of(ARTICLE));
    }

    @Test
    void anAgreementMakesABodyOfItsParties() {
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(MEMORANDUM)
                .when(create(day("2025-06-03"), MEMBERS, "memorandum"))
                .expectEvents(created());
    }

    @Test
    void aBodyNeedsMembersOfTheNegotiationAndAnAgreementSignedBeforeIt() {
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(MEMORANDUM)
                .when(create(day("2025-06-03"), List.of(), null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("body 'pow-group' must have at least one member");
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(MEMORANDUM)
                .when(create(day("2025-06-03"), List.of(new BodyMember("ua", "medinsky", null)), null))
                .expectException(RuleViolationException.class);
        new AggregateTestFixture<>(Negotiation.class).given(istanbul())
                .when(create(day("2025-06-03"), MEMBERS, "memorandum"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("body 'pow-group' names agreement 'memorandum', which is not an agreement "
                        + "signed in it");
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(MEMORANDUM)
                .when(create(day("2025-06-01"), MEMBERS, "memorandum"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-06-01 of body 'pow-group' is before the agreement was signed "
                        + "on 2025-06-02");
    }

    @Test
    void aBodyIsDissolvedOnceAfterTheNegotiationClosedTooButNotBeforeItWasCreated() {
        BodyDissolved dissolved = new BodyDissolved(NEGOTIATION, "pow-group", day("2025-06-20"), "done",
                List.of(ARTICLE), List.of("ua", "ru"));
        DissolveBody dissolve = new DissolveBody(NEGOTIATION, "pow-group", day("2025-06-20"), "done",
                List.of(ARTICLE), RECORDED_AT);
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(MEMORANDUM, created(),
                        closedOn("2025-06-10"))
                .when(dissolve)
                .expectEvents(dissolved);
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(MEMORANDUM, created(), dissolved)
                .when(dissolve)
                .expectNoEvents();
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(MEMORANDUM, created(), dissolved)
                .when(new DissolveBody(NEGOTIATION, "pow-group", day("2025-06-21"), "again", List.of(ARTICLE),
                        RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("body 'pow-group' is dissolved already and cannot be dissolved again");
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(MEMORANDUM, created())
                .when(new DissolveBody(NEGOTIATION, "pow-group", day("2025-06-01"), null, List.of(), RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("the date 2025-06-01 of the dissolution of body 'pow-group' is before it was "
                        + "created on 2025-06-03");
        new AggregateTestFixture<>(Negotiation.class).given(istanbul())
                .when(dissolve)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("body 'pow-group' does not exist in negotiation 'ru-ua-2025'");
    }
}
