package org.negotiationledger.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the storage package names Axon's tables: every other package asks it. */
class AxonTablesTest {

    private static final Pattern AXON_TABLE = Pattern.compile(
            "\\b(domainevententry|snapshotevententry|tokenentry|deadletterentry)\\b");

    @Test
    void onlyStorageNamesAxonsTables() throws IOException {
        List<Path> naming;
        try (Stream<Path> sources = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("../ledger-projections/src/main/java")))) {
            naming = sources.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.toString().replace('\\', '/').contains("/api/storage/"))
                    .filter(AxonTablesTest::namesAnAxonTable).toList();
        }
        assertThat(naming).isEmpty();
    }

    private static boolean namesAnAxonTable(Path file) {
        try {
            return AXON_TABLE.matcher(Files.readString(file).toLowerCase(Locale.ROOT)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
