package org.negotiationledger.core.negotiation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.LinkKind;
import org.negotiationledger.core.api.PackageProposed;
import org.negotiationledger.core.api.ProposePackage;
import org.negotiationledger.core.api.RecordStatement;
import org.negotiationledger.core.api.RuleViolationException;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementLink;
import org.negotiationledger.core.api.StatementRecorded;

import java.util.List;

import static org.negotiationledger.core.negotiation.Given.ARTICLE;
import static org.negotiationledger.core.negotiation.Given.NEGOTIATION;
import static org.negotiationledger.core.negotiation.Given.RECORDED_AT;
import static org.negotiationledger.core.negotiation.Given.closedOn;
import static org.negotiationledger.core.negotiation.Given.day;
import static org.negotiationledger.core.negotiation.Given.firstRound;
import static org.negotiationledger.core.negotiation.Given.istanbul;

/** A statement's links to topics and records, and packages of topics agreed or refused together. */
class LinkageTest {

    private FixtureConfiguration<Negotiation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Negotiation.class);
    }

    private static RecordStatement linked(String id, StatementLink... links) {
        return new RecordStatement(NEGOTIATION, id, "ua", null, "ceasefire", Stance.CONDITIONAL,
                "a ceasefire only after the exchange", null, null, day("2025-06-02"), List.of(ARTICLE), null, null,
                null, null, null, null, List.of(links), RECORDED_AT);
    }

    @Test
    void aStatementLinksToATopicAndToAMeetingItDependsOn() {
        RecordStatement command = linked("s-1", new StatementLink(LinkKind.ONLY_AFTER, "prisoner-exchange", null),
                new StatementLink(LinkKind.IF, null, "istanbul-1"));
        fixture.given(istanbul()).andGiven(firstRound())
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StatementRecorded(NEGOTIATION, "s-1", "ua", null, "ceasefire", Stance.CONDITIONAL,
                        "a ceasefire only after the exchange", null, null, day("2025-06-02"), List.of(ARTICLE), null,
                        null, null, null, null, null, command.links()));
    }

    @Test
    void aLinkToNothingToAnUnknownRecordOrToItselfIsRefused() {
        fixture.given(istanbul())
                .when(linked("s-1", new StatementLink(LinkKind.IF, null, null)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("statement 's-1' has a link (IF) that names neither a topicId nor a recordId");
        new AggregateTestFixture<>(Negotiation.class).given(istanbul())
                .when(linked("s-1", new StatementLink(LinkKind.IN_RETURN_FOR, null, "pow-9")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("statement 's-1' links to 'pow-9', which is no other statement, meeting or "
                        + "exchange of negotiation 'ru-ua-2025'");
        new AggregateTestFixture<>(Negotiation.class).given(istanbul())
                .when(linked("s-1", new StatementLink(LinkKind.IF, null, "s-1")))
                .expectException(RuleViolationException.class);
        new AggregateTestFixture<>(Negotiation.class).given(istanbul())
                .when(linked("s-1", new StatementLink(LinkKind.IF, "air-defence", null)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("topic 'air-defence' is not registered in negotiation 'ru-ua-2025'");
    }

    private static ProposePackage humanitarian(List<String> topicIds) {
        return new ProposePackage(NEGOTIATION, "humanitarian", "The humanitarian package", topicIds, "ua",
                day("2025-06-02"), "nothing is agreed until everything is agreed", List.of(ARTICLE), RECORDED_AT);
    }

    @Test
    void aPackageGroupsTopicsAndIsRecordedOnce() {
        PackageProposed proposed = new PackageProposed(NEGOTIATION, "humanitarian", "The humanitarian package",
                List.of("ceasefire", "prisoner-exchange"), "ua", day("2025-06-02"),
                "nothing is agreed until everything is agreed", List.of(ARTICLE));
        fixture.given(istanbul())
                .when(humanitarian(List.of("ceasefire", "prisoner-exchange")))
                .expectEvents(proposed);
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(proposed)
                .when(humanitarian(List.of("ceasefire", "prisoner-exchange")))
                .expectNoEvents();
    }

    @Test
    void aPackageOfOneTopicOfAnUnknownTopicOrInAClosedNegotiationIsRefused() {
        fixture.given(istanbul())
                .when(humanitarian(List.of("ceasefire", "ceasefire")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("package 'humanitarian' must group at least two distinct topics, "
                        + "got [ceasefire, ceasefire]");
        new AggregateTestFixture<>(Negotiation.class).given(istanbul())
                .when(humanitarian(List.of("ceasefire", "air-defence")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("topic 'air-defence' is not registered in negotiation 'ru-ua-2025'");
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(closedOn("2025-06-20"))
                .when(humanitarian(List.of("ceasefire", "prisoner-exchange")))
                .expectException(RuleViolationException.class);
    }
}
