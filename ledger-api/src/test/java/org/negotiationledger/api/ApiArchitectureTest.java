package org.negotiationledger.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;
import org.negotiationledger.api.commands.CommandSender;
import org.negotiationledger.api.problems.PlantedInProblems;
import org.negotiationledger.core.negotiation.Negotiation;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application speaks to the write model through its messages: it names the Negotiation
 * aggregate to register it, and never reaches into its state or rules. Inside the application,
 * problems are the ground floor (they import nothing else of the module), and controllers stand
 * with the concern they serve. Time comes from one clock, the application's, which tests move:
 * no part of the ledger (core, views, application) reads the system's time of day itself.
 */
@AnalyzeClasses(packages = "org.negotiationledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheAggregateItselfIsNamed = noClasses()
            .that().resideInAPackage("org.negotiationledger.api..")
            .should().dependOnClassesThat(resideInAPackage("..core.negotiation..")
                    .and(not(equivalentTo(Negotiation.class))));

    @ArchTest
    static final ArchRule problemsAreTheGroundFloor = noClasses()
            .that().resideInAPackage("org.negotiationledger.api.problems..")
            .should().dependOnClassesThat(resideInAPackage("org.negotiationledger.api..")
                    .and(not(resideInAPackage("org.negotiationledger.api.problems.."))));

    @ArchTest
    static final ArchRule controllersStandWithTheirConcern = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().resideInAnyPackage("org.negotiationledger.api.commands..", "org.negotiationledger.api.views..",
                    "org.negotiationledger.api.importing..", "org.negotiationledger.api.integrity..",
                    "org.negotiationledger.api.events..", "org.negotiationledger.api.problems..",
                    "org.negotiationledger.api.security..");

    @ArchTest
    static final ArchRule timeComesFromTheApplicationsClock = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now").orShould().callMethod(LocalDate.class, "now", ZoneId.class)
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now", ZoneId.class)
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis");

    @ArchTest
    static final ArchRule onlyTheClockBeanReadsTheSystemClock = noClasses()
            .that().doNotHaveFullyQualifiedName("org.negotiationledger.api.http.WebConfiguration")
            .should().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone");

    /**
     * Which package of the application may use which: the source of truth for the table of
     * {@code docs/architecture.md}, which {@link #theDocumentSaysWhatTheRuleChecks} keeps the same.
     */
    static final Map<String, List<String>> MAY_USE = Map.of(
            "problems", List.of(),
            "storage", List.of("problems"),
            "http", List.of("problems"),
            "security", List.of("problems", "http"),
            "commands", List.of("problems", "storage", "http"),
            "views", List.of("problems", "storage", "http"),
            "events", List.of("problems", "storage"),
            "integrity", List.of("problems", "storage"),
            "importing", List.of("commands", "problems", "storage", "views", "integrity"),
            "openapi", List.of("problems"));

    @ArchTest
    static final ArchRule eachPackageUsesOnlyWhatItMay = layers(MAY_USE);

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.negotiationledger.api.(*)..")
            .should().beFreeOfCycles();

    static ArchRule layers(Map<String, List<String>> mayUse) {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : mayUse.keySet()) {
            layers = layers.layer(name).definedBy("org.negotiationledger.api." + name + "..");
        }
        for (Map.Entry<String, List<String>> entry : mayUse.entrySet()) {
            layers = entry.getValue().isEmpty()
                    ? layers.whereLayer(entry.getKey()).mayNotAccessAnyLayer()
                    : layers.whereLayer(entry.getKey()).mayOnlyAccessLayers(entry.getValue().toArray(String[]::new));
        }
        return layers;
    }

    @Test
    void theDocumentSaysWhatTheRuleChecks() throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("../docs/architecture.md"))) {
            if (line.startsWith("| package | what it holds | may use |")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable && line.startsWith("| `api.")) {
                String[] cells = line.split("\\|");
                String name = cells[1].trim().replace("`", "").substring("api.".length());
                String uses = cells[cells.length - 1].replaceAll("\\([^)]*\\)", "").trim();
                documented.put(name, uses.startsWith("nothing") ? List.of()
                        : Arrays.stream(uses.split(",")).map(String::trim).toList());
            }
        }
        assertThat(documented).isEqualTo(MAY_USE);
    }

    @Test
    void theRuleCatchesAPackageUsingOneItMayNot() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedInProblems.class, CommandSender.class);
        assertThat(eachPackageUsesOnlyWhatItMay.evaluate(planted).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(PlantedInProblems.class.getName())
                        .contains(CommandSender.class.getName()));
    }
}
