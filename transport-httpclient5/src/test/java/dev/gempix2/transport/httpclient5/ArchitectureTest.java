package dev.gempix2.transport.httpclient5;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.gempix2.transport.httpclient5", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noFrameworks = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.micronaut..", "io.quarkus..", "jakarta.enterprise..", "jakarta.inject..")
            .because("the plain-Java transport must run without any framework on the class path");

    @ArchTest
    static final ArchRule noOtherAdapters = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.gempix2.micronaut..", "dev.gempix2.quarkus..", "dev.gempix2.cli..",
                    "dev.gempix2.testkit..")
            .because("adapters know core, never each other");

    @ArchTest
    static final ArchRule noCoreInternals = noClasses().should().dependOnClassesThat()
            .resideInAPackage("dev.gempix2.core.internal..")
            .because("core's internal package is not API and may change in any release");

    @ArchTest
    static final ArchRule publicPackageHidesHttpClientPlumbing = noClasses()
            .that().resideInAPackage("dev.gempix2.transport.httpclient5.internal..")
            .should().dependOnClassesThat().resideInAPackage("dev.gempix2.transport.httpclient5")
            .because("internal pieces serve the public facade, not the other way round");
}
