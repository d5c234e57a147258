package org.negotiationledger.core.negotiation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.negotiationledger.core.api.AddTopic;
import org.negotiationledger.core.api.AgreeExchange;
import org.negotiationledger.core.api.CloseNegotiation;
import org.negotiationledger.core.api.CorrectStatement;
import org.negotiationledger.core.api.DelegateRegistered;
import org.negotiationledger.core.api.ExchangeAgreed;
import org.negotiationledger.core.api.ExchangeCompleted;
import org.negotiationledger.core.api.ExchangeExecutionRecorded;
import org.negotiationledger.core.api.ExchangeProposed;
import org.negotiationledger.core.api.ExchangeKind;
import org.negotiationledger.core.api.ExchangeTerms;
import org.negotiationledger.core.api.LedgerException;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.core.api.NegotiationClosed;
import org.negotiationledger.core.api.NegotiationCommand;
import org.negotiationledger.core.api.NegotiationEvent;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.OpenNegotiation;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.PartyRegistered;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.ProposeExchange;
import org.negotiationledger.core.api.RecordExchangeExecution;
import org.negotiationledger.core.api.RecordMeeting;
import org.negotiationledger.core.api.RecordStatement;
import org.negotiationledger.core.api.RegisterDelegate;
import org.negotiationledger.core.api.RegisterParty;
import org.negotiationledger.core.api.RetractStatement;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementChanges;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;
import org.negotiationledger.core.api.TopicAdded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of commands, over a few ids so that they meet each other, sent to a real Axon
 * command bus in front of the aggregate. Whatever the order: every command is accepted (appending
 * events, or nothing when it repeats what is recorded) or refused in the user's words and appends
 * nothing; a command accepted once and sent again
 * appends nothing; and the history obeys the rules the aggregate promises.
 */
class RandomCommandsPropertyTest {

    private static final String N = "random-talks";
    private static final LocalDate OPENED = LocalDate.parse("2025-05-01");
    private static final Instant RECORDED = Instant.parse("2025-07-01T12:00:00Z");
    private static final List<String> PARTIES = List.of("a", "b", "c");
    private static final List<String> TOPICS = List.of("t1", "t2");
    private static final List<String> DELEGATES = List.of("d1", "d2");
    private static final List<String> STATEMENTS = List.of("s1", "s2", "s3");
    private static final List<String> EXCHANGES = List.of("x1", "x2");
    private static final List<String> MEETINGS = List.of("m1", "m2");

    @Property(tries = 200)
    @StatisticsReport(onFailureOnly = true)
    void everyCommandIsRecordedOrRefusedAndTheHistoryKeepsTheRules(
            @ForAll("histories") List<NegotiationCommand> commands) {
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(Negotiation.class)
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        axon.start();
        try {
            for (NegotiationCommand command : commands) {
                int before = history(axon).size();
                try {
                    axon.commandGateway().sendAndWait(command);
                } catch (LedgerException refused) {
                    assertThat(refused.getMessage()).isNotBlank();
                    assertThat(history(axon)).as("a refused command appends nothing").hasSize(before);
                    continue;
                } catch (RuntimeException other) {
                    // Only an unopened negotiation may answer otherwise: Axon finds no aggregate.
                    assertThat(before).as(command + " failed with " + other).isZero();
                    continue;
                }
                int after = history(axon).size();
                axon.commandGateway().sendAndWait(command);
                assertThat(history(axon)).as("a repeat of " + command + " appends nothing").hasSize(after);
            }
            List<NegotiationEvent> history = history(axon);
            assertRules(history);
            Statistics.collect(history.size() >= 10 ? "10 events or more" : "fewer than 10 events");
            Statistics.label("kinds").collect(history.stream().anyMatch(ExchangeExecutionRecorded.class::isInstance)
                    ? "with an executed exchange" : "without");
        } finally {
            axon.shutdown();
        }
        // The generated histories are not trivial: many grow long, some carry out an exchange.
        Statistics.coverage(checker -> checker.check("10 events or more").percentage(share -> share > 30));
        Statistics.label("kinds").coverage(checker -> checker.check("with an executed exchange").count(n -> n > 0));
    }

    private static List<NegotiationEvent> history(Configuration axon) {
        if (!axon.eventStore().readEvents(N).hasNext()) {
            return List.of();
        }
        return axon.eventStore().readEvents(N).asStream().map(EventMessage::getPayload)
                .map(NegotiationEvent.class::cast).toList();
    }

    /** The rules every history obeys, checked over the events alone. */
    private static void assertRules(List<NegotiationEvent> events) {
        Set<String> parties = new HashSet<>();
        Set<String> topics = new HashSet<>();
        Map<String, String> delegates = new HashMap<>();
        Set<String> statements = new HashSet<>();
        Set<String> retracted = new HashSet<>();
        Map<String, ExchangeTerms> agreed = new HashMap<>();
        Set<String> completed = new HashSet<>();
        boolean closed = false;
        for (NegotiationEvent event : events) {
            if (closed) {
                assertThat(event).as("after the closure only corrections and retractions")
                        .isInstanceOfAny(StatementCorrected.class, StatementRetracted.class);
            }
            if (event instanceof PartyRegistered party) {
                parties.add(party.partyId());
            } else if (event instanceof TopicAdded topic) {
                topics.add(topic.topicId());
            } else if (event instanceof DelegateRegistered delegate) {
                assertThat(parties).contains(delegate.partyId());
                delegates.put(delegate.delegateId(), delegate.partyId());
            } else if (event instanceof StatementRecorded statement) {
                assertThat(parties).contains(statement.partyId());
                assertThat(topics).contains(statement.topicId());
                if (statement.delegateId() != null) {
                    assertThat(delegates.get(statement.delegateId())).isEqualTo(statement.partyId());
                }
                assertThat(statement.effectiveOn()).isAfterOrEqualTo(OPENED);
                assertThat(statements.add(statement.statementId())).isTrue();
            } else if (event instanceof StatementCorrected correction) {
                assertThat(statements).contains(correction.statementId());
                assertThat(retracted).doesNotContain(correction.statementId());
            } else if (event instanceof StatementRetracted retraction) {
                assertThat(statements).contains(retraction.statementId());
                assertThat(retracted.add(retraction.statementId())).isTrue();
            } else if (event instanceof ExchangeAgreed agreement) {
                assertThat(new HashSet<>(agreement.partyIds())).hasSizeGreaterThanOrEqualTo(2);
            } else if (event instanceof ExchangeProposed proposal) {
                agreed.put(proposal.exchangeId(), proposal.terms());
            } else if (event instanceof ExchangeExecutionRecorded execution) {
                ExchangeTerms terms = agreed.get(execution.exchangeId());
                assertThat(completed).doesNotContain(execution.exchangeId());
                if (!terms.allForAll()) {
                    execution.totals().forEach((side, total) ->
                            assertThat(total).isLessThanOrEqualTo(terms.quantities().get(side)));
                }
            } else if (event instanceof ExchangeCompleted completion) {
                assertThat(completed.add(completion.exchangeId())).isTrue();
            } else if (event instanceof NegotiationClosed) {
                closed = true;
            }
        }
    }

    @Provide
    Arbitrary<List<NegotiationCommand>> histories() {
        Arbitrary<NegotiationCommand> open = Arbitraries.of(
                new OpenNegotiation(N, "Random talks", null, OPENED, RECORDED),
                new OpenNegotiation(N, "Other title", null, OPENED, RECORDED));
        Arbitrary<NegotiationCommand> command = Arbitraries.frequencyOf(
                Tuple.of(1, open),
                Tuple.of(4, Combinators.combine(Arbitraries.of(PARTIES), Arbitraries.of(PartyRole.class))
                        .as((party, role) -> new RegisterParty(N, party, party.toUpperCase(), role, RECORDED))),
                Tuple.of(2, Combinators.combine(Arbitraries.of(DELEGATES), Arbitraries.of(PARTIES))
                        .as((delegate, party) -> new RegisterDelegate(N, delegate, delegate, party, null, RECORDED))),
                Tuple.of(2, Arbitraries.of(TOPICS).map(topic -> new AddTopic(N, topic, topic, null,
                        RECORDED))),
                Tuple.of(5, statement()),
                Tuple.of(2, correction()),
                Tuple.of(1, Arbitraries.of(STATEMENTS).map(statement ->
                        new RetractStatement(N, statement, "mistaken", RECORDED))),
                Tuple.of(2, meeting()),
                Tuple.of(2, proposal()),
                Tuple.of(2, agreement()),
                Tuple.of(3, execution()),
                Tuple.of(1, Combinators.combine(Arbitraries.of(Outcome.class), day())
                        .as((outcome, day) -> new CloseNegotiation(N, outcome, day, null, RECORDED))));
        // Most histories begin with the cast and the topics; the random commands may repeat or contradict them.
        List<NegotiationCommand> cast = List.of(
                new RegisterParty(N, "a", "A", PartyRole.PARTY, RECORDED),
                new RegisterParty(N, "b", "B", PartyRole.PARTY, RECORDED),
                new RegisterParty(N, "c", "C", PartyRole.MEDIATOR, RECORDED),
                new RegisterDelegate(N, "d1", "d1", "a", null, RECORDED),
                new RegisterDelegate(N, "d2", "d2", "b", null, RECORDED),
                new AddTopic(N, "t1", "t1", null, RECORDED),
                new AddTopic(N, "t2", "t2", null, RECORDED));
        // Exchanges also come as stories: proposed, agreed, carried out in stages.
        Arbitrary<List<NegotiationCommand>> steps = Arbitraries.frequencyOf(
                Tuple.of(6, command.map(List::of)),
                Tuple.of(1, exchangeStory()));
        return Combinators.combine(open, Arbitraries.of(true, true, true, false), steps.list().ofMinSize(5)
                        .ofMaxSize(30))
                .as((first, withCast, rest) -> {
                    List<NegotiationCommand> all = new ArrayList<>();
                    all.add(first);
                    if (withCast) {
                        all.addAll(cast);
                    }
                    rest.forEach(all::addAll);
                    return all;
                });
    }

    private static Arbitrary<LocalDate> day() {
        return Arbitraries.integers().between(-3, 70).map(OPENED::plusDays);
    }

    private static Arbitrary<NegotiationCommand> statement() {
        return Combinators.combine(Arbitraries.of(STATEMENTS), Arbitraries.of(PARTIES),
                        Arbitraries.of(DELEGATES).injectNull(0.5), Arbitraries.of(TOPICS),
                        Arbitraries.of(Stance.class), day(), Arbitraries.integers().between(0, 2000).injectNull(0.5))
                .as((id, party, delegate, topic, stance, day, offer) -> new RecordStatement(N, id, party, delegate,
                        topic, stance, "said " + stance, null, offer == null ? null : Offer.of(offer, "prisoners"),
                        day, null, null, RECORDED));
    }

    private static Arbitrary<NegotiationCommand> correction() {
        return Combinators.combine(Arbitraries.of(STATEMENTS), Arbitraries.of("c1", "c2"),
                        Arbitraries.of(Stance.class).injectNull(0.5), day().injectNull(0.7))
                .as((statement, id, stance, day) -> new CorrectStatement(N, statement, id,
                        new StatementChanges(stance, stance == null && day == null ? "reworded" : null, null, null,
                                day), "closer to the source", RECORDED));
    }

    private static Arbitrary<NegotiationCommand> meeting() {
        return Combinators.combine(Arbitraries.of(MEETINGS), day(), Arbitraries.of(PARTIES).list().ofMinSize(1)
                        .ofMaxSize(3), Arbitraries.of(TOPICS).list().ofMaxSize(2))
                .as((id, day, parties, topics) -> new RecordMeeting(N, id, day, "Istanbul", MeetingLevel.DELEGATIONS,
                        parties, List.of(), Map.of(), topics, null, RECORDED));
    }

    private static Arbitrary<NegotiationCommand> proposal() {
        return Combinators.combine(Arbitraries.of(EXCHANGES), day(), Arbitraries.integers().between(1, 100),
                        Arbitraries.of(true, false))
                .as((id, day, quantity, allForAll) -> new ProposeExchange(N, id, "a", day, allForAll
                        ? ExchangeTerms.allForAll(ExchangeKind.PRISONERS, List.of("a", "b"), List.of("wounded"))
                        : ExchangeTerms.numbered(ExchangeKind.PRISONERS, Map.of("a", quantity, "b", quantity)),
                        RECORDED));
    }

    private static Arbitrary<NegotiationCommand> agreement() {
        return Combinators.combine(Arbitraries.of(EXCHANGES), day(), Arbitraries.of(PARTIES).list().ofMinSize(1)
                        .ofMaxSize(3))
                .as((id, day, parties) -> new AgreeExchange(N, id, parties, day, null, RECORDED));
    }

    private static Arbitrary<List<NegotiationCommand>> exchangeStory() {
        return Combinators.combine(proposal(), day(), execution().list().ofMaxSize(4))
                .as((proposal, agreedOn, executions) -> {
                    String id = ((ProposeExchange) proposal).exchangeId();
                    List<NegotiationCommand> story = new ArrayList<>();
                    story.add(proposal);
                    story.add(new AgreeExchange(N, id, List.of("a", "b"), agreedOn, null, RECORDED));
                    for (int stage = 0; stage < executions.size(); stage++) {
                        RecordExchangeExecution random = (RecordExchangeExecution) executions.get(stage);
                        story.add(new RecordExchangeExecution(N, id, stage + 1, random.executedOn(),
                                random.released(), random.completes(), null, RECORDED));
                    }
                    return story;
                });
    }

    private static Arbitrary<NegotiationCommand> execution() {
        return Combinators.combine(Arbitraries.of(EXCHANGES), Arbitraries.integers().between(1, 4), day(),
                        Arbitraries.integers().between(0, 80), Arbitraries.of(true, false))
                .as((id, stage, day, released, completes) -> new RecordExchangeExecution(N, id, stage, day,
                        Map.of("a", released, "b", released), completes, null, RECORDED));
    }
}
