package org.negotiationledger.api.commands;

import org.junit.jupiter.api.Test;
import org.negotiationledger.api.problems.Limits;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The importer takes exactly the command paths the HTTP API takes. */
class CommandPathsTest {

    @Test
    void theImporterAndTheHttpEndpointsTakeTheSamePaths() {
        String base = NegotiationCommandController.class.getAnnotation(RequestMapping.class).path()[0];
        Set<String> http = new TreeSet<>();
        for (Method method : NegotiationCommandController.class.getDeclaredMethods()) {
            PostMapping post = method.getAnnotation(PostMapping.class);
            if (post != null) {
                String path = post.value().length == 0 ? "" : post.value()[0];
                http.add((base + path).replaceAll("\\{[^}]+}", "(" + Limits.ID + ")"));
            }
        }
        Set<String> imported = new TreeSet<>(CommandLines.paths());

        assertThat(http).hasSize(12).isEqualTo(imported);
        assertThat(Arrays.stream(CommandRequests.class.getDeclaredClasses())
                .filter(type -> !type.isInterface() && CommandRequests.CommandRequest.class.isAssignableFrom(type))
                .count()).as("one request body per route").isEqualTo(12);
        assertThat(imported.stream().map(path -> path.replace("(" + Limits.ID + ")", "{id}"))
                .collect(Collectors.toSet())).contains("/api/negotiations", "/api/negotiations/{id}/closure");
    }
}
