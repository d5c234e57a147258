package org.negotiationledger.projections;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Each view stands alone: it reads the events' API, never the aggregate or another view. */
@AnalyzeClasses(packages = "org.negotiationledger.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionsArchitectureTest {

    @ArchTest
    static final ArchRule viewsDoNotKnowEachOther = slices()
            .matching("org.negotiationledger.projections.(*)..").namingSlices("view $1")
            .should().notDependOnEachOther().ignoreDependency(
                    alwaysTrue(), resideInAPackage("..projections.support.."));

    @ArchTest
    static final ArchRule onlyTheEventsApi = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.negotiationledger.core.negotiation..", "org.negotiationledger.api..");
}
