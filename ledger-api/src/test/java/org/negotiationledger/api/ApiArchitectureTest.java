package org.negotiationledger.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.negotiationledger.core.negotiation.Negotiation;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The application speaks to the write model through its messages: it names the Negotiation
 * aggregate to register it, and never reaches into its state or rules. Inside the application,
 * problems are the ground floor (they import nothing else of the module), and controllers stand
 * with the concern they serve.
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
}
