package dev.gempix2.transport.httpclient5;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.gempix2.testkit.architecture.ArchitectureRules;

@AnalyzeClasses(packages = "dev.gempix2.transport.httpclient5", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noFrameworks = ArchitectureRules.NO_APPLICATION_FRAMEWORK;

    @ArchTest
    static final ArchRule noOtherAdapters =
            ArchitectureRules.adaptersKnowCoreNeverEachOther("dev.gempix2.transport.httpclient5");

    @ArchTest
    static final ArchRule noTestTools = ArchitectureRules.NO_TEST_TOOLS_AT_RUNTIME;

    @ArchTest
    static final ArchRule noCoreInternals = ArchitectureRules.NO_CORE_INTERNALS;

    @ArchTest
    static final ArchRule publicPackageHidesHttpClientPlumbing = noClasses()
            .that().resideInAPackage("dev.gempix2.transport.httpclient5.internal..")
            .should().dependOnClassesThat().resideInAPackage("dev.gempix2.transport.httpclient5")
            .because("internal pieces serve the public facade, not the other way round");
}
