package dev.gempix2.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.gempix2.testkit.architecture.ArchitectureRules;

@AnalyzeClasses(packages = "dev.gempix2.testkit", importOptions = ImportOption.DoNotIncludeTests.class)
class TestkitArchitectureTest {

    @ArchTest
    static final ArchRule usesOnlyCoreJacksonJunitAndTheJdk = classes()
            .that().resideOutsideOfPackage("dev.gempix2.testkit.architecture..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.gempix2.testkit..", "dev.gempix2.core..", "com.fasterxml.jackson..", "org.junit..",
                    "java..", "javax.imageio..", "com.sun.net.httpserver..")
            .because("the testkit goes into users' test scope: it may bring core, Jackson and JUnit, no framework");

    @ArchTest
    static final ArchRule usesOnlyCoresPublicApi = ArchitectureRules.NO_CORE_INTERNALS;

    @ArchTest
    static final ArchRule theArchitectureRulesNeedOnlyArchUnit = classes()
            .that().resideInAPackage("dev.gempix2.testkit.architecture..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.gempix2.testkit.architecture..", "com.tngtech.archunit..", "java..")
            .because("ArchUnit is provided-scope: only the module boundaries' rules may use it");

    @ArchTest
    static final ArchRule archUnitStaysInTheRules = noClasses()
            .that().resideOutsideOfPackage("dev.gempix2.testkit.architecture..")
            .should().dependOnClassesThat().resideInAPackage("com.tngtech.archunit..")
            .because("the fake, the extension and the contracts must run without ArchUnit on the class path");

    @ArchTest
    static final ArchRule jacksonStaysInside = noClasses()
            .that().resideOutsideOfPackage("dev.gempix2.testkit.internal..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("no Jackson type may leak into the testkit's public API");

    @ArchTest
    static final ArchRule extensionAndContractsUseThePublicFake = noClasses()
            .that().resideInAnyPackage("dev.gempix2.testkit.junit..", "dev.gempix2.testkit.contract..")
            .should().dependOnClassesThat().resideInAPackage("dev.gempix2.testkit.internal..")
            .because("the extension and the contract suites show what users can do with the public API alone");

    @ArchTest
    static final ArchRule theFakeRunsWithoutJunit = noClasses()
            .that().resideOutsideOfPackages("dev.gempix2.testkit.junit..", "dev.gempix2.testkit.contract..")
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
            .because("JUnit is provided-scope: the CLI, the standalone jar and the Quarkus test resource run the fake "
                    + "with no JUnit on their class path");
}
