package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger that reads from a PostgreSQL hot standby: a primary and a standby made by the test
 * with the server's own programs, one node writing to the primary, another writing to the same
 * primary and answering its queries from the standby. Its answers equal the primary's once the
 * standby has caught up; waitFor waits for the standby's copy; health shows the standby's lag;
 * further behind than its bound, or stopped under reads, the standby's queries go to the primary
 * (or are refused, where the node is set so), and come back to it when it is back; a replica that
 * is no standby is not read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTest {

    /** Views read through both nodes, each checked equal. */
    private static final List<String> READS = List.of("/api/negotiations", Istanbul.N, Istanbul.N + "/positions",
            Istanbul.N + "/positions.csv", Istanbul.N + "/positions/ua/ceasefire/history", Istanbul.N + "/meetings",
            Istanbul.N + "/exchanges", Istanbul.N + "/audit", "/api/audit?limit=5",
            Istanbul.N + "/changes?from=2025-05-16&to=2025-06-30");

    private static PostgresClusters clusters;
    private static LedgerNode writer;
    private static LedgerNode reader;
    private static LedgerNode refusing;
    /** Reads the standby while it is less than ten seconds behind, as nodes do by default. */
    private static LedgerNode patient;

    @BeforeAll
    static void start() {
        clusters = PostgresClusters.primaryAndStandby();
        writer = LedgerNode.start(clusters.primary());
        Map<String, Object> replica = new HashMap<>(clusters.primary());
        replica.put("ledger.replica.url", clusters.standbyUrl());
        replica.put("ledger.replica.max-lag", "PT1S");
        replica.put("ledger.views.wait-bound", "PT2S");
        reader = LedgerNode.start(replica);
        replica.put("ledger.replica.when-away", "refuse");
        refusing = LedgerNode.start(replica);
        replica.put("ledger.replica.when-away", "primary");
        replica.put("ledger.replica.max-lag", "PT10S");
        patient = LedgerNode.start(replica);
        Istanbul.recordOn(writer);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable each : new AutoCloseable[]{patient, refusing, reader, writer, clusters}) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    @Order(1)
    void answersFromTheStandbyEqualThePrimarysOnceCaughtUp() {
        long head = writer.get("/api/admin/projections").json().get("head").asLong();
        for (String path : READS) {
            String waitFor = (path.contains("?") ? "&" : "?") + "waitFor=" + head;
            LedgerNode.Response primary = writer.get(path + waitFor);
            LedgerNode.Response standby = reader.get(path + waitFor);
            assertThat(primary.status()).as(path).isEqualTo(200);
            assertThat(standby.status()).as(path).isEqualTo(200);
            assertThat(primary.header("X-View-Source")).as(path).isEqualTo("primary");
            assertThat(standby.header("X-View-Source")).as(path).isEqualTo("replica");
            assertThat(standby.header("X-View-Behind")).as(path).isNull();
            assertThat(Long.parseLong(standby.header("X-View-Position"))).as(path).isGreaterThanOrEqualTo(head);
            assertThat(standby.body()).as(path).isEqualTo(primary.body());
        }
    }

    @Test
    @Order(2)
    void waitForWaitsForTheStandbysCopy() {
        for (int i = 0; i < 5; i++) {
            LedgerNode.Response recorded = writer.post(Istanbul.N + "/statements", statement("read-your-writes-" + i));
            assertThat(recorded.status()).isEqualTo(201);
            long position = recorded.json().get("position").asLong();
            LedgerNode.Response history = reader.get(Istanbul.N + "/positions/ru/ceasefire/history?waitFor=" + position);
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.header("X-View-Source")).isEqualTo("replica");
            assertThat(history.header("X-View-Behind")).isNull();
            assertThat(history.body()).contains("read-your-writes-" + i);
        }
    }

    @Test
    @Order(3)
    void aStandbyBehindIsReadWithinItsBoundAndLeftForThePrimaryBeyondIt() throws Exception {
        JsonNode replica = reader.get("/actuator/health").json().at("/components/replica");
        assertThat(replica.get("status").asText()).isEqualTo("UP");
        assertThat(replica.at("/details/lagBytes").isNumber()).isTrue();
        assertThat(replica.at("/details/lagSeconds").asDouble()).isLessThanOrEqualTo(1.0);

        clusters.standbyJdbc().execute("SELECT pg_wal_replay_pause()");
        try {
            LedgerNode.Response recorded = writer.post(Istanbul.N + "/statements", statement("while-paused"));
            long position = recorded.json().get("position").asLong();
            String history = Istanbul.N + "/positions/ru/ceasefire/history?waitFor=" + position;
            // Within its bound (10 s on the patient node) the standby answers, and says it is behind.
            LedgerNode.Response behind = patient.get(history);
            assertThat(behind.status()).isEqualTo(200);
            assertThat(behind.header("X-View-Source")).isEqualTo("replica");
            assertThat(behind.header("X-View-Behind")).isEqualTo("true");
            assertThat(Long.parseLong(behind.header("X-View-Position"))).isLessThan(position);
            assertThat(behind.body()).doesNotContain("while-paused");

            // Beyond it (1 s on the reader) the primary answers in its place, and health says why.
            awaitHealth("DEGRADED");
            JsonNode lagging = reader.get("/actuator/health").json().at("/components/replica");
            assertThat(lagging.at("/details/lagBytes").asLong()).isPositive();
            assertThat(lagging.at("/details/lagSeconds").asDouble()).isGreaterThan(1.0);
            assertThat(lagging.at("/details/replica").asText()).contains("further behind the primary");
            assertThat(lagging.at("/details/queries").asText()).isEqualTo("answered by the primary");
            LedgerNode.Response fromPrimary = reader.get(history);
            assertThat(fromPrimary.status()).isEqualTo(200);
            assertThat(fromPrimary.header("X-View-Source")).isEqualTo("primary");
            assertThat(fromPrimary.header("X-View-Behind")).isNull();
            assertThat(fromPrimary.body()).contains("while-paused");
            awaitHealth(refusing, "DEGRADED");
            LedgerNode.Response refused = refusing.get(history);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("detail").asText()).contains("further behind the primary");
        } finally {
            clusters.standbyJdbc().execute("SELECT pg_wal_replay_resume()");
        }
        awaitHealth("UP");
        LedgerNode.Response caughtUp = reader.get(Istanbul.N + "/positions/ru/ceasefire/history?waitFor="
                + writer.get("/api/admin/projections").json().get("head").asLong());
        assertThat(caughtUp.header("X-View-Source")).isEqualTo("replica");
        assertThat(caughtUp.header("X-View-Behind")).isNull();
        assertThat(caughtUp.body()).contains("while-paused");
    }

    @Test
    @Order(4)
    void aStoppedStandbySendsQueriesToThePrimaryUntilItIsBack() throws Exception {
        AtomicBoolean reading = new AtomicBoolean(true);
        List<String> answers = new ArrayList<>();
        Thread reads = new Thread(() -> {
            while (reading.get()) {
                LedgerNode.Response answer = reader.get(Istanbul.N + "/positions");
                synchronized (answers) {
                    answers.add(answer.status() + " " + answer.header("X-View-Source"));
                }
            }
        });
        reads.start();
        Thread.sleep(300);
        clusters.stopStandby();
        try {
            Thread.sleep(1000);
            LedgerNode.Response fromPrimary = reader.get(Istanbul.N + "/positions");
            assertThat(fromPrimary.status()).isEqualTo(200);
            assertThat(fromPrimary.header("X-View-Source")).isEqualTo("primary");
            assertThat(fromPrimary.body()).isEqualTo(writer.get(Istanbul.N + "/positions").body());
            LedgerNode.Response refused = refusing.get(Istanbul.N + "/positions");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("type").asText()).endsWith("/problems/storage-unavailable");
            assertThat(refused.json().get("detail").asText()).contains("read replica");
            JsonNode away = reader.get("/actuator/health").json();
            assertThat(away.at("/components/replica/status").asText()).isEqualTo("DEGRADED");
            assertThat(away.at("/components/replica/details/queries").asText()).isEqualTo("answered by the primary");
            assertThat(away.get("status").asText()).isEqualTo("DEGRADED");
        } finally {
            clusters.startStandby();
        }
        assertThat(sourceOnceBack(reader)).isEqualTo("200 replica");
        assertThat(sourceOnceBack(refusing)).isEqualTo("200 replica");
        reading.set(false);
        reads.join();
        synchronized (answers) {
            assertThat(answers).isNotEmpty().allMatch(answer -> answer.startsWith("200 "));
            assertThat(answers).contains("200 primary", "200 replica");
        }
        awaitHealth("UP");
    }

    /** The status and source of the node's answers once they come from the replica again, or after 20 s. */
    @Test
    @Order(5)
    void aReplicaThatIsNoStandbyIsNotReadAndHealthSaysWhy() throws Exception {
        Map<String, Object> primaryAsReplica = new HashMap<>(clusters.primary());
        primaryAsReplica.put("ledger.replica.url", clusters.primary().get("spring.datasource.url"));
        try (LedgerNode node = LedgerNode.start(primaryAsReplica)) {
            awaitHealth(node, "DEGRADED");
            JsonNode replica = node.get("/actuator/health").json().at("/components/replica");
            assertThat(replica.at("/details/replica").asText()).contains("not a hot standby");
            assertThat(replica.at("/details/queries").asText()).isEqualTo("answered by the primary");
            LedgerNode.Response answer = node.get(Istanbul.N + "/positions");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("X-View-Source")).isEqualTo("primary");
        }
    }

    private static String sourceOnceBack(LedgerNode node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String seen = null;
        while (System.nanoTime() < deadline && !"200 replica".equals(seen)) {
            Thread.sleep(200);
            LedgerNode.Response answer = node.get(Istanbul.N + "/positions");
            seen = answer.status() + " " + answer.header("X-View-Source");
        }
        return seen;
    }

    private static void awaitHealth(String status) throws InterruptedException {
        awaitHealth(reader, status);
    }

    /** Waits until the node's health says its replica is in the status. */
    private static void awaitHealth(LedgerNode node, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String seen = null;
        while (System.nanoTime() < deadline && !status.equals(seen)) {
            seen = node.get("/actuator/health").json().at("/components/replica/status").asText();
            Thread.sleep(100);
        }
        assertThat(seen).isEqualTo(status);
    }

    private static String statement(String id) {
        return """
                {"id":"%s","partyId":"ru","delegateId":"medinsky","topicId":"ceasefire","stance":"OPPOSES",
                 "summary":"Statement %s","effectiveOn":"2025-06-27"}""".formatted(id, id);
    }
}
