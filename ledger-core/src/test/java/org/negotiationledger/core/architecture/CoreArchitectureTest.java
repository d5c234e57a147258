package org.negotiationledger.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The write model knows nothing of Spring, SQL, HTTP or the modules built on it. */
@AnalyzeClasses(packages = "org.negotiationledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule noSpring = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule noJdbc = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "org.axonframework.eventsourcing.eventstore.jdbc..");

    @ArchTest
    static final ArchRule noOtherModules = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.negotiationledger.projections..", "org.negotiationledger.api..");

    @ArchTest
    static final ArchRule apiPackageStandsAlone = noClasses().that().resideInAPackage("..core.api..")
            .should().dependOnClassesThat().resideInAPackage("..core.negotiation..");
}
