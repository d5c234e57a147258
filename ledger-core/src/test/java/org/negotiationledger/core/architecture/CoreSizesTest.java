package org.negotiationledger.core.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write model stays in rooms a reader takes in at once: no class of the core above 300 lines,
 * and the aggregate's root, which every new command passes through, at most 250 (new records go
 * into its parts, not into it).
 */
class CoreSizesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/negotiationledger/core");

    @Test
    void noClassIsAbove300Lines() throws IOException {
        Map<String, Integer> sizes = sizes();
        assertThat(sizes).isNotEmpty();
        assertThat(sizes).allSatisfy((file, lines) -> assertThat(lines).as(file).isLessThanOrEqualTo(300));
    }

    @Test
    void theAggregateRootIsAtMost250Lines() throws IOException {
        assertThat(sizes().get("negotiation/Negotiation.java")).isNotNull().isLessThanOrEqualTo(250);
    }

    private static Map<String, Integer> sizes() throws IOException {
        Map<String, Integer> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                sizes.put(SOURCES.relativize(file).toString().replace('\\', '/'), lines.size());
            }
        }
        return sizes;
    }
}
