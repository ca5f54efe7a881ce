package dev.gempix2.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Core's boundaries: the JDK only; the domain knows only its errors; the API never leans on internals. */
@AnalyzeClasses(packages = "dev.gempix2.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnTheJdkOnly = classes()
            .that().resideInAPackage("dev.gempix2.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.gempix2.core..", "java..")
            .because("core has zero runtime dependencies: no framework, no JSON or logging library");

    @ArchTest
    static final ArchRule theDomainKnowsOnlyItsErrors = classes()
            .that().resideInAPackage("dev.gempix2.core.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.gempix2.core.model..", "dev.gempix2.core.error..", "java..")
            .because("domain values must not depend on ports, the client or its machinery");

    @ArchTest
    static final ArchRule thePublicApiDoesNotUseInternals = noClasses()
            .that().resideInAnyPackage("dev.gempix2.core.port..", "dev.gempix2.core.model..",
                    "dev.gempix2.core.error..", "dev.gempix2.core.wire..", "dev.gempix2.core.defaults..")
            .should().dependOnClassesThat().resideInAPackage("dev.gempix2.core.internal..")
            .because("what users implement and see must not change when the internals do");
}
