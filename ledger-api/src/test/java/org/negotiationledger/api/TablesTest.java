package org.negotiationledger.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who names which tables, over the main sources of every module: Axon's tables only in the
 * application's storage package (and in the benchmark's files listed here, each with its reason);
 * a view's tables only in that view's package, and every table the views' migrations make is
 * named after its view.
 */
class TablesTest {

    private static final Pattern AXON_TABLE = Pattern.compile(
            "\\b(domainevententry|snapshotevententry|tokenentry|deadletterentry)\\b");
    private static final List<String> VIEWS = List.of("positions", "exchanges", "meetings", "audit", "overview");
    private static final Pattern VIEW_TABLE = Pattern.compile("\\b(" + String.join("|", VIEWS) + ")_[a-z_]+\\b");
    private static final List<String> MODULES = List.of("ledger-core", "ledger-projections", "ledger-api", "ledger-cli",
            "ledger-bench");

    /**
     * The benchmark measures the ledger from outside, against baselines of plain SQL on the same
     * tables: it cannot ask the application's storage package, so these files name Axon's tables.
     */
    private static final Map<String, String> BENCHMARK_EXEMPTIONS = Map.of(
            "ledger-bench/src/main/java/org/negotiationledger/bench/History.java",
            "writes a history of events straight into the store, to replay and query",
            "ledger-bench/src/main/java/org/negotiationledger/bench/ReplayScenario.java",
            "the replay's baseline reads the store's rows with plain SQL",
            "ledger-bench/src/main/java/org/negotiationledger/bench/QueryScenario.java",
            "the audit query's baseline joins the store's rows with plain SQL",
            "ledger-bench/src/main/java/org/negotiationledger/bench/CostScenario.java",
            "counts the token writes among PostgreSQL's counters",
            "ledger-bench/src/main/java/org/negotiationledger/bench/GrowthScenario.java",
            "measures the bytes the event table takes per event");

    @Test
    void onlyStorageNamesAxonsTables() throws IOException {
        List<String> naming = sources().filter(file -> !file.contains("/api/storage/"))
                .filter(file -> !BENCHMARK_EXEMPTIONS.containsKey(file))
                .filter(file -> AXON_TABLE.matcher(text(file)).find()).toList();
        assertThat(naming).isEmpty();
        assertThat(BENCHMARK_EXEMPTIONS.keySet()).as("every exemption still needed")
                .allSatisfy(file -> assertThat(AXON_TABLE.matcher(text(file)).find()).as(file).isTrue());
    }

    @Test
    void aViewsTablesAreNamedOnlyInItsOwnPackage() throws IOException {
        List<String> views = sources().filter(file -> file.contains("/projections/")).toList();
        assertThat(views).isNotEmpty();
        for (String file : views) {
            String view = VIEWS.stream().filter(name -> file.contains("/projections/" + name + "/")).findFirst()
                    .orElse(null);
            Matcher table = VIEW_TABLE.matcher(text(file));
            while (table.find()) {
                assertThat(table.group(1)).as(file + " names " + table.group()).isEqualTo(view);
            }
        }
    }

    @Test
    void everyTableOfTheViewsIsNamedAfterItsView() throws IOException {
        Pattern created = Pattern.compile("create table (\\w+)");
        List<String> tables;
        try (Stream<Path> migrations = Files.walk(Path.of("../ledger-projections/src/main/resources/db/migration"))) {
            tables = migrations.filter(Files::isRegularFile).flatMap(file -> created.matcher(text(file)).results())
                    .map(match -> match.group(1)).toList();
        }
        assertThat(tables).isNotEmpty()
                .allSatisfy(table -> assertThat(VIEWS).anyMatch(view -> table.startsWith(view + "_")));
    }

    /** The main Java sources of every module, as paths from the project's root. */
    private static Stream<String> sources() throws IOException {
        Stream<String> all = Stream.empty();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src/main/java"))) {
                List<String> java = files.filter(file -> file.toString().endsWith(".java"))
                        .map(file -> Path.of("..").relativize(file).toString().replace('\\', '/')).toList();
                all = Stream.concat(all, java.stream());
            }
        }
        return all;
    }

    private static String text(String file) {
        return text(Path.of("..", file));
    }

    private static String text(Path file) {
        try {
            return Files.readString(file).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
