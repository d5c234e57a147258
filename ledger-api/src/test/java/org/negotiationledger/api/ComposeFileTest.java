package org.negotiationledger.api;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What docker-compose.yml starts, checked without a Docker engine: one image built once and run
 * by both ledger nodes, each node restarted unless stopped, started once the database is healthy,
 * and healthy by a check that works: the very command the file gives, run against a ledger on
 * PostgreSQL, succeeds while the ledger is ready and fails while its database does not answer.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> ledgerNodes() throws IOException {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Map<String, Object> service : services().values()) {
            Map<String, Object> environment = (Map<String, Object>) service.getOrDefault("environment", Map.of());
            if (environment.containsKey("SPRING_DATASOURCE_URL")) {
                nodes.add(service);
            }
        }
        return nodes;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyNodeRunsOneImageWaitsForTheDatabaseAndIsRestarted() throws IOException {
        List<Map<String, Object>> nodes = ledgerNodes();
        assertThat(nodes).hasSize(3);
        assertThat(services().values().stream().filter(service -> service.containsKey("build")))
                .as("the image is built once").hasSize(1);
        assertThat(nodes.stream().map(node -> node.get("image")).distinct().toList())
                .as("both nodes run the image that is built").hasSize(1).doesNotContainNull();
        assertThat(services().get("postgres")).containsKey("healthcheck");
        for (Map<String, Object> node : nodes) {
            assertThat(node.get("restart")).isEqualTo("unless-stopped");
            Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) node.get("depends_on");
            assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
            assertThat(healthCheck(node)).contains("curl", "--fail");
        }
        assertThat(Files.readString(ROOT.resolve("Dockerfile")))
                .as("the image has the curl its health check runs").containsPattern("apt-get install[^\\n]* curl");
    }

    /** The image is built from the sources it copies: every module, and the description the client is made from. */
    /**
     * The standby is a base backup of the primary that follows it (pg_basebackup -R), which the
     * primary lets in over the network; the read node reads from it and writes to the primary.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theReadNodeQueriesAStandbyOfThePrimary() throws IOException {
        Map<String, Object> standby = services().get("postgres-standby");
        assertThat(String.join("\n", (List<String>) standby.get("command")))
                .contains("pg_basebackup -h postgres -U ledger", " -R ", "exec postgres");
        assertThat((Map<String, Object>) standby.get("depends_on")).containsKey("postgres");
        assertThat((List<String>) services().get("postgres").get("volumes"))
                .anyMatch(volume -> volume.startsWith("./docs/compose/allow-replication.sh:/docker-entrypoint-initdb.d/"));
        assertThat(Files.readString(ROOT.resolve("docs/compose/allow-replication.sh")))
                .contains("host replication ${POSTGRES_USER} all scram-sha-256");
        Map<String, Object> reader = services().get("ledger-read");
        Map<String, Object> environment = (Map<String, Object>) reader.get("environment");
        assertThat(environment).containsEntry("LEDGER_REPLICA_URL", "jdbc:postgresql://postgres-standby:5432/ledger")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/ledger");
        assertThat((Map<String, Map<String, Object>>) reader.get("depends_on")).containsKey("postgres-standby");
    }

    @Test
    void theImageCopiesWhatItsBuildNeeds() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        int modules = 0;
        while (module.find()) {
            modules++;
            assertThat(dockerfile).contains("COPY " + module.group(1) + "/ " + module.group(1) + "/");
        }
        assertThat(modules).isGreaterThanOrEqualTo(6);
        assertThat(dockerfile).contains("COPY docs/openapi.json docs/openapi.json");
    }

    @Test
    void theHealthCheckPassesWhileTheLedgerIsReadyAndFailsWhileItsDatabaseIsSilent() throws Exception {
        Map<String, Object> database = new HashMap<>(TestDatabase.freshSchema("ledger_compose_it"));
        URI target = URI.create(TestDatabase.URL.substring("jdbc:".length()));
        List<String> check = healthCheck(ledgerNodes().get(0));
        try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort())) {
            database.put("spring.datasource.url", ((String) database.get("spring.datasource.url"))
                    .replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + proxy.port()));
            database.put("ledger.database.read-timeout", "PT2S");
            try (LedgerNode node = LedgerNode.start(database)) {
                List<String> onTheNode = check.stream()
                        .map(word -> word.replace("localhost:8080", "127.0.0.1:" + node.port())).toList();
                assertThat(run(onTheNode)).as("the health check while the ledger is ready").isZero();

                proxy.silence();
                long silencedAt = System.nanoTime();
                int exit = run(onTheNode);
                while (exit == 0 && System.nanoTime() - silencedAt < Duration.ofSeconds(20).toNanos()) {
                    Thread.sleep(500);
                    exit = run(onTheNode);
                }
                assertThat(exit).as("the health check while the database is silent").isNotZero();

                proxy.restore();
                long restoredAt = System.nanoTime();
                while (exit != 0 && System.nanoTime() - restoredAt < Duration.ofSeconds(30).toNanos()) {
                    Thread.sleep(500);
                    exit = run(onTheNode);
                }
                assertThat(exit).as("the health check once the database answers again").isZero();
            }
        }
    }

    /** The health check's command as compose runs it ("CMD" and its words). */
    @SuppressWarnings("unchecked")
    private static List<String> healthCheck(Map<String, Object> node) {
        List<String> test = (List<String>) ((Map<String, Object>) node.get("healthcheck")).get("test");
        assertThat(test.get(0)).isEqualTo("CMD");
        return test.subList(1, test.size());
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the health check ends").isTrue();
        return process.exitValue();
    }
}
