package org.negotiationledger.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two ledger nodes share one PostgreSQL and append to the same negotiation at once: every
 * accepted command is stored exactly once, in one gap-free sequence, and neither node checks a
 * command against an old state of the negotiation the other has since appended to.
 */
class TwoNodesTest {

    private static final int CLIENTS_PER_NODE = 3;
    private static final int STATEMENTS_PER_CLIENT = 20;
    private static LedgerNode first;
    private static LedgerNode second;

    @BeforeAll
    static void start() {
        Map<String, Object> database = TestDatabase.freshSchema("ledger_two_nodes_it");
        first = LedgerNode.start(database);
        second = LedgerNode.start(database);
        for (Istanbul.Post post : Istanbul.setUp()) {
            assertThat(first.post(post.path(), post.body()).status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        for (LedgerNode node : new LedgerNode[]{first, second}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static String statement(String id) {
        return """
                {"id":"%s","partyId":"ua","delegateId":"umerov","topicId":"ceasefire","stance":"SUPPORTS",
                 "summary":"Supports a long ceasefire","effectiveOn":"2025-06-27"}""".formatted(id);
    }

    @Test
    void concurrentAppendsFromTwoNodesAreAllStoredOnce() throws Exception {
        long before = first.eventCount();
        ExecutorService clients = Executors.newFixedThreadPool(2 * CLIENTS_PER_NODE);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int client = 0; client < 2 * CLIENTS_PER_NODE; client++) {
            LedgerNode node = client % 2 == 0 ? first : second;
            String prefix = "parallel-" + client + "-";
            results.add(clients.submit(() -> {
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < STATEMENTS_PER_CLIENT; i++) {
                    LedgerNode.Response answer = node.post(Istanbul.N + "/statements", statement(prefix + i));
                    answers.add(answer.status() == 201 ? "201" : answer.toString());
                }
                return answers;
            }));
        }
        for (Future<List<String>> result : results) {
            assertThat(result.get()).containsOnly("201");
        }
        clients.shutdown();

        int statements = 2 * CLIENTS_PER_NODE * STATEMENTS_PER_CLIENT;
        long events = before + statements;
        assertThat(first.eventCount()).isEqualTo(events);
        assertThat(first.jdbc().queryForList(
                "SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = 'ru-ua-2025' "
                        + "ORDER BY sequencenumber", Long.class))
                .containsExactlyElementsOf(LongStream.range(0, events).boxed().toList());
        assertThat(first.jdbc().queryForObject(
                "SELECT COUNT(DISTINCT CONVERT_FROM(payload, 'UTF8')::json->>'statementId') FROM domainevententry "
                        + "WHERE payloadtype LIKE '%StatementRecorded' "
                        + "AND CONVERT_FROM(payload, 'UTF8')::json->>'statementId' LIKE 'parallel-%'", Long.class))
                .isEqualTo(statements);
    }

    @Test
    void theSameCommandSentToBothNodesAtOnceIsStoredOnce() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int round = 0; round < 10; round++) {
            String body = statement("twice-" + round);
            long before = first.eventCount();
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                LedgerNode node = client % 2 == 0 ? first : second;
                statuses.add(clients.submit(() -> node.post(Istanbul.N + "/statements", body).status()));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get());
            }
            assertThat(answers).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(first.eventCount()).isEqualTo(before + 1);
        }
        clients.shutdown();
    }

    @Test
    void eachNodeActsOnWhatTheOtherJustRecorded() {
        for (int round = 0; round < 5; round++) {
            String id = "ping-pong-" + round;
            // From the second round on, the second node keeps the negotiation as it was after its own
            // last correction, and only the stored history knows of the statement the first just recorded.
            assertThat(first.post(Istanbul.N + "/statements", statement(id)).status()).isEqualTo(201);
            LedgerNode.Response corrected = second.post(Istanbul.N + "/statements/" + id + "/corrections",
                    "{\"summary\":\"Supports a ceasefire of 30 days\",\"reason\":\"closer to the quote\"}");
            assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        }
        assertThat(first.post(Istanbul.N + "/statements/ping-pong-4/retraction",
                "{\"reason\":\"recorded on the wrong day\"}").status()).isEqualTo(201);
        LedgerNode.Response again = second.post(Istanbul.N + "/statements/ping-pong-4/corrections",
                "{\"summary\":\"Supports a ceasefire\",\"reason\":\"once more\"}");
        assertThat(again.status()).as("the second node knows of the retraction: " + again.body()).isEqualTo(422);
    }
}
