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
 * accepted command is stored exactly once, in one gap-free sequence.
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
        ExecutorService clients = Executors.newFixedThreadPool(2 * CLIENTS_PER_NODE);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int client = 0; client < 2 * CLIENTS_PER_NODE; client++) {
            LedgerNode node = client % 2 == 0 ? first : second;
            String prefix = "c" + client + "-";
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
        long events = 9 + statements;
        assertThat(first.eventCount()).isEqualTo(events);
        assertThat(first.jdbc().queryForList(
                "SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = 'ru-ua-2025' "
                        + "ORDER BY sequencenumber", Long.class))
                .containsExactlyElementsOf(LongStream.range(0, events).boxed().toList());
        assertThat(first.jdbc().queryForObject("SELECT COUNT(DISTINCT CONVERT_FROM(payload, 'UTF8')::json->>'statementId') "
                + "FROM domainevententry WHERE payloadtype LIKE '%StatementRecorded'", Long.class))
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
}
