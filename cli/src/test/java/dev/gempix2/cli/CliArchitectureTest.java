package dev.gempix2.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.gempix2.testkit.architecture.ArchitectureRules;

/** The lines this module keeps: it is a user of the library, like any application. */
@AnalyzeClasses(packages = "dev.gempix2.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule noCoreInternals = ArchitectureRules.NO_CORE_INTERNALS;

    @ArchTest
    static final ArchRule noFrameworks = ArchitectureRules.NO_APPLICATION_FRAMEWORK;

    @ArchTest
    static final ArchRule noFrameworkAdapters = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.gempix2.micronaut..", "dev.gempix2.quarkus..")
            .because("the README's first command builds the CLI without Micronaut or Quarkus");

    @ArchTest
    static final ArchRule noTransportInternals = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.gempix2.transport.httpclient5.internal..", "dev.gempix2.testkit.internal..")
            .because("the transport and the fake backend are used through their public entry points");

    @ArchTest
    static final ArchRule onlyTheSessionPicksTheBackend = noClasses()
            .that().resideOutsideOfPackage("dev.gempix2.cli.internal..")
            .and().doNotHaveSimpleName("FakeServerCommand")
            .should().dependOnClassesThat().resideInAnyPackage("dev.gempix2.transport..", "dev.gempix2.testkit..")
            .because("BackendSession alone decides between the real API and the embedded fake, so that both "
                    + "run the same client code");
}
