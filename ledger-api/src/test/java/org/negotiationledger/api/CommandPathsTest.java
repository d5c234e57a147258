package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiationledger.api.commands.CommandRoutes;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer takes exactly the command paths the HTTP API serves: both come from the one route
 * table, and a path the HTTP API does not serve is no command to the importer either. (An import of
 * event data and the retraction of its batch are served under a negotiation too, but are no single
 * command: they send many.)
 */
class CommandPathsTest {

    @TempDir
    Path dataDir;

    @Test
    void theImporterAndTheHttpApiTakeTheSameCommandPaths() {
        try (LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString()))) {
            Set<String> served = new TreeSet<>();
            node.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                    .getHandlerMethods().forEach((info, method) -> {
                        if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                            info.getPatternValues().stream().filter(path -> path.startsWith("/api/negotiations")
                                    && !path.contains("/event-data")).forEach(served::add);
                        }
                    });
            Set<String> routes = new TreeSet<>(CommandRoutes.ALL.stream().map(CommandRoutes.Route::template).toList());
            assertThat(served).hasSize(27).isEqualTo(routes);

            StringBuilder lines = new StringBuilder();
            for (String path : served) {
                lines.append("{\"path\":\"").append(path.replaceAll("\\{[^}]+}", "x-1")).append("\",\"body\":{}}\n");
            }
            lines.append("{\"path\":\"/api/negotiations/x-1/nothing\",\"body\":{}}\n");
            for (JsonNode result : node.importLines("?onError=continue", lines.toString()).jsonLines()) {
                if (result.has("line")) {
                    boolean lastLine = result.get("line").asInt() == served.size() + 1;
                    assertThat(result.at("/problem/type").asText()).as(result.toString())
                            .isEqualTo(lastLine ? "/problems/unknown-command" : "/problems/invalid-fields");
                }
            }
        }
    }
}
